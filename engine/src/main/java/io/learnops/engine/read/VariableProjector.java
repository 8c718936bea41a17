package io.learnops.engine.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.VariableValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Variables, from VARIABLE records. A variable keeps its key for the life of its scope; its value
 * is stored as JSON text, which is what the REST API returns and filters on.
 */
final class VariableProjector implements Projector {

  private final EntityStore<VariableEntry> store;
  private final ReadKeys keys;
  private final ObjectMapper json;
  /** scope → variable name → key, for scopes still running; exporting thread only */
  private final Map<Long, Map<String, Long>> keysByScope = new HashMap<>();

  VariableProjector(EntityStore<VariableEntry> store, ReadKeys keys, ObjectMapper json) {
    this.store = store;
    this.keys = keys;
    this.json = json;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.VARIABLE, ValueType.PROCESS_INSTANCE);
  }

  @Override
  public void seed(EngineState state) {
    keysByScope.clear();
    state.variables.forEach((scope, variables) -> {
      final ElementInstance owner = state.elementInstances.get(scope);
      if (owner != null) {
        variables.forEach((name, value) -> put(name, value, scope, owner.processInstanceKey, owner.tenantId));
      }
    });
  }

  @Override
  public void project(Record<?> record) {
    if (record.value() instanceof VariableValue v) {
      put(v.name(), v.value(), v.scopeKey(), v.processInstanceKey(), v.tenantId());
    } else if (record.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        || record.intent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      // an ended scope gets no more writes: its names need no key any more
      keysByScope.remove(record.key());
    }
  }

  private void put(String name, Object value, long scopeKey, long processInstanceKey, String tenantId) {
    final long key = keysByScope.computeIfAbsent(scopeKey, k -> new HashMap<>()).computeIfAbsent(name, n -> keys.next());
    store.put(key, processInstanceKey, new VariableEntry(key, name, toJson(value), scopeKey, processInstanceKey,
        tenantId));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value); // engine variables are JSON values; this cannot happen in practice
    }
  }

  void clear() {
    keysByScope.clear();
  }
}
