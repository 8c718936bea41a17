package io.learnops.engine.testing;

import java.util.List;
import java.util.Map;

/** Variable values that nest objects and lists to a given depth, for tests of the nesting limit. */
public final class NestedValues {

  private NestedValues() {}

  /** Lists in maps, alternating, {@code levels} containers deep around one string. */
  public static Object nested(int levels) {
    Object value = "leaf";
    for (int i = 0; i < levels; i++) {
      value = i % 2 == 0 ? List.of(value) : Map.of("child", value);
    }
    return value;
  }
}
