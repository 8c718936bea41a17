package io.learnops.engine.decision;

import io.learnops.engine.feel.FeelValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dmn-scala answers with Scala values; variables hold the plain Java values FEEL results become. */
final class DecisionValues {

  private DecisionValues() {}

  static Object toPlainJava(Object value) {
    if (value instanceof scala.math.BigDecimal decimal) {
      return FeelValues.toPlainJava(decimal.bigDecimal());
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      final Map<String, Object> copy = new LinkedHashMap<>();
      map.foreach(entry -> copy.put(String.valueOf(entry._1()), toPlainJava(entry._2())));
      return copy;
    }
    if (value instanceof scala.collection.Iterable<?> items) {
      final List<Object> copy = new ArrayList<>();
      items.foreach(item -> copy.add(toPlainJava(item)));
      return copy;
    }
    if (value instanceof scala.Option<?> option) {
      return option.isDefined() ? toPlainJava(option.get()) : null;
    }
    return FeelValues.toPlainJava(value);
  }
}
