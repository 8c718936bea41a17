package io.learnops.engine.feel;

import static io.learnops.engine.feel.EvaluationLimits.MAX_LIST_SIZE;
import static io.learnops.engine.feel.EvaluationLimits.MAX_STEPS;
import static io.learnops.engine.feel.EvaluationLimits.MAX_STRING_LENGTH;
import static io.learnops.engine.feel.LimitExceeded.count;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * feel-engine's interpreter, held to the {@link EvaluationLimits} on steps, strings and lists.
 * Every sub-expression is evaluated through {@link #eval}, so counting and checking there bounds
 * the whole evaluation; what feel-engine would build in one step before any check could see it (a
 * range {@code 1..n}, the combinations of {@code for a in x, b in y}) is measured before it is
 * built. Counted, not timed: the same expression on the same variables fails at the same step
 * when the journal is replayed. One instance per evaluation, as it counts that evaluation's steps.
 */
final class BoundedInterpreter extends FeelInterpreter {

  /** Variable names no expression can write, for the lists an iteration was checked against. */
  private static final String CHECKED_LIST = "\u0000checked list ";
  private static final String AT_MOST_LIST_ITEMS = "produce lists of at most " + count(MAX_LIST_SIZE) + " items";

  private long steps;
  /** Once exceeded, every later step fails too, even if a FEEL function caught the first failure. */
  private LimitExceeded exceeded;

  BoundedInterpreter(ValueMapper valueMapper) {
    super(valueMapper);
  }

  @Override
  public Val eval(Exp expression, EvalContext context) {
    if (exceeded != null) {
      throw exceeded;
    }
    if (++steps > MAX_STEPS) {
      throw exceed("finish within " + count(MAX_STEPS) + " evaluation steps", "it took more");
    }
    final Val value;
    if (expression instanceof IterationContext range) {
      value = range(range, context);
    } else if (expression instanceof For loop && loop.iterators().size() > 1) {
      value = combinations(loop.iterators(), iterators -> new For(iterators, loop.exp()), loop, context);
    } else if (expression instanceof SomeItem some && some.iterators().size() > 1) {
      value = combinations(some.iterators(), iterators -> new SomeItem(iterators, some.condition()), some, context);
    } else if (expression instanceof EveryItem every && every.iterators().size() > 1) {
      value = combinations(every.iterators(), iterators -> new EveryItem(iterators, every.condition()), every, context);
    } else {
      value = super.eval(expression, context);
    }
    return checkSize(expression, value);
  }

  /** A range {@code a..b} becomes a list of every number in it at once: its length is checked first. */
  private Val range(IterationContext range, EvalContext context) {
    final Val start = eval(range.start(), context);
    final Val end = eval(range.end(), context);
    if (!(start instanceof ValNumber from) || !(end instanceof ValNumber to)) {
      return super.eval(range, context); // FEEL reports the bounds that are no numbers, as it always did
    }
    final BigDecimal numbers = to.value().bigDecimal().subtract(from.value().bigDecimal()).abs()
        .setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
    if (numbers.compareTo(BigDecimal.valueOf(MAX_LIST_SIZE)) > 0) {
      throw exceed(AT_MOST_LIST_ITEMS, String.format(Locale.ROOT, "the range %s..%s has %,d numbers",
          from.value(), to.value(), numbers.toBigInteger()));
    }
    // the bounds are evaluated: FEEL builds the list from them without evaluating them again
    return super.eval(new IterationContext(new ConstNumber(from.value()), new ConstNumber(to.value())), context);
  }

  /**
   * Iterating over several lists, feel-engine builds every combination of their items before the
   * first step: their number is checked first, and FEEL then iterates over the lists evaluated
   * here, bound to names no expression can write, rather than evaluating them again.
   */
  private Val combinations(scala.collection.immutable.List<Tuple2<String, Exp>> iterators,
      Function<scala.collection.immutable.List<Tuple2<String, Exp>>, Exp> withIterators, Exp iteration,
      EvalContext context) {
    final List<Tuple2<String, Exp>> checked = new ArrayList<>();
    EvalContext withLists = context;
    long combinations = 1;
    for (final Tuple2<String, Exp> iterator : CollectionConverters.asJava(iterators)) {
      final Val list = eval(iterator._2(), context);
      if (!(list instanceof ValList items)) {
        return super.eval(iteration, context); // FEEL reports what is no list, as it always did
      }
      combinations = Math.min(combinations * items.itemsAsSeq().size(), MAX_LIST_SIZE + 1L);
      final String name = CHECKED_LIST + checked.size();
      withLists = withLists.add(new Tuple2<>(name, list));
      checked.add(new Tuple2<>(iterator._1(), Ref.apply(name)));
    }
    if (combinations > MAX_LIST_SIZE) {
      throw exceed(AT_MOST_LIST_ITEMS,
          "iterating over %d lists combines more than %s items".formatted(checked.size(), count(MAX_LIST_SIZE)));
    }
    return super.eval(withIterators.apply(CollectionConverters.asScala(checked).toList()), withLists);
  }

  /**
   * Strings are checked after every step (their length is at hand); lists after the steps that
   * can make one longer than their inputs: iterations and functions.
   */
  private Val checkSize(Exp expression, Val value) {
    if (value instanceof ValString string && string.value().length() > MAX_STRING_LENGTH) {
      throw exceed("produce strings of at most " + count(MAX_STRING_LENGTH) + " characters",
          "it produced one of " + count(string.value().length()) + " characters");
    }
    if (value instanceof ValList list
        && (expression instanceof For || expression instanceof FunctionInvocation
            || expression instanceof QualifiedFunctionInvocation)
        && list.itemsAsSeq().lengthCompare(MAX_LIST_SIZE) > 0) {
      throw exceed(AT_MOST_LIST_ITEMS, "it produced one of " + count(list.itemsAsSeq().size()) + " items");
    }
    return value;
  }

  /**
   * Fails the evaluation if a limit was exceeded where a FEEL function caught the failure (sort
   * does, for its comparison) and no later step was left to fail.
   */
  void failIfExceeded() {
    if (exceeded != null) {
      throw exceeded;
    }
  }

  private LimitExceeded exceed(String expected, String actual) {
    exceeded = new LimitExceeded(expected, actual);
    return exceeded;
  }
}
