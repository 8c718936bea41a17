package io.learnops.engine.processing;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a default-constructed object of each of the state's classes holds, field by field. A
 * snapshot leaves out every field that holds its class's default and carries this table instead, so
 * that an engine whose classes default differently (a field initialized to -1 that used to be 0)
 * still reads back the values that were written.
 *
 * <p>The classes are found the way Jackson sees them: from the root's properties, through the
 * element, key and value types of collections and maps, to every non-JDK class with a public
 * no-argument constructor. A class without one is not in the table and is always written whole.
 * A constructor must give the same values every time (constants, empty collections), as replay
 * needs it to anyway: a field initialized from the clock would be left out when it happened to
 * hold the value Jackson's own constructed object held.
 */
final class StateDefaults {

  /** class → all its fields as a default-constructed object holds them */
  private final Map<Class<?>, ObjectNode> byClass;

  private StateDefaults(Map<Class<?>, ObjectNode> byClass) {
    this.byClass = byClass;
  }

  /** Walks the classes reachable from {@code root}; {@code mapper} must write every field. */
  static StateDefaults of(ObjectMapper mapper, Class<?> root) {
    final Map<Class<?>, ObjectNode> found = new LinkedHashMap<>();
    final Deque<JavaType> pending = new ArrayDeque<>();
    pending.push(mapper.constructType(root));
    while (!pending.isEmpty()) {
      final JavaType type = pending.pop();
      if (type.getKeyType() != null) {
        pending.push(type.getKeyType());
      }
      if (type.getContentType() != null) {
        pending.push(type.getContentType());
      }
      final Class<?> raw = type.getRawClass();
      if (found.containsKey(raw) || type.isContainerType() || type.isPrimitive() || type.isEnumType()
          || ClassUtil.isJDKClass(raw)) {
        continue;
      }
      final BeanDescription bean = mapper.getSerializationConfig().introspect(type);
      final Object constructed = bean.instantiateBean(false);
      if (constructed != null) {
        found.put(raw, asWritten(mapper, constructed));
        bean.findProperties().forEach(property -> pending.push(property.getPrimaryType()));
      }
    }
    return new StateDefaults(found);
  }

  /**
   * The tree as a snapshot's table reads back: numbers take the smallest type that holds them, so
   * that a long -1 here equals the -1 read from a table, which was written as an int.
   */
  private static ObjectNode asWritten(ObjectMapper mapper, Object constructed) {
    try {
      return (ObjectNode) mapper.readTree(mapper.writeValueAsBytes(constructed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the defaults of " + constructed.getClass(), e);
    }
  }

  /** Whether fields of {@code type} may be left out: its defaults are in the table. */
  boolean covers(Class<?> type) {
    return byClass.containsKey(type);
  }

  /** The table a snapshot carries: class name → every field of a default-constructed object. */
  Map<String, ObjectNode> table() {
    final Map<String, ObjectNode> table = new LinkedHashMap<>();
    byClass.forEach((type, fields) -> table.put(type.getName(), fields));
    return table;
  }

  /**
   * The fields whose default in {@code written}, a snapshot's table, differs from this engine's,
   * by class: what a new object needs before its written fields are read, to hold what it held.
   * Fields this engine no longer has are left out, as unknown fields are when read.
   */
  Map<Class<?>, ObjectNode> changedSince(Map<String, ObjectNode> written) {
    final Map<Class<?>, ObjectNode> changed = new HashMap<>();
    byClass.forEach((type, ours) -> {
      final ObjectNode theirs = written.get(type.getName());
      if (theirs == null) {
        return;
      }
      final ObjectNode differing = theirs.objectNode();
      theirs.properties().forEach(field -> {
        if (ours.has(field.getKey()) && !ours.get(field.getKey()).equals(field.getValue())) {
          differing.set(field.getKey(), field.getValue());
        }
      });
      if (!differing.isEmpty()) {
        changed.put(type, differing);
      }
    });
    return changed;
  }
}
