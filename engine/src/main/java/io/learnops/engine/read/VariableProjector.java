package io.learnops.engine.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.bpmn.Effects.VariableEvent;
import io.learnops.engine.state.ElementInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * Variables, from the engine's variable events. A variable keeps its key for the life of its
 * scope; its value is stored as JSON text, which is what the REST API returns and filters on.
 */
final class VariableProjector {

  private final EntityStore<VariableEntry> store;
  private final ReadKeys keys;
  private final ObjectMapper json;
  /** scope → variable name → key, for scopes still in the state; processing thread only */
  private final Map<Long, Map<String, Long>> keysByScope = new HashMap<>();

  VariableProjector(EntityStore<VariableEntry> store, ReadKeys keys, ObjectMapper json) {
    this.store = store;
    this.keys = keys;
    this.json = json;
  }

  void seed(Lookup lookup) {
    keysByScope.clear();
    lookup.state().variables.forEach((scope, variables) ->
        lookup.instance(scope).ifPresent(owner -> variables.forEach((name, value) -> put(owner, name, value))));
  }

  void project(VariableEvent event, Lookup lookup) {
    lookup.instance(event.scopeKey()).ifPresent(owner -> put(owner, event.name(), event.value()));
  }

  /** A removed scope gets no more writes: its names need no key any more. */
  void forgetScope(long scopeKey) {
    keysByScope.remove(scopeKey);
  }

  private void put(ElementInstance scope, String name, Object value) {
    final long key = keysByScope.computeIfAbsent(scope.key, k -> new HashMap<>())
        .computeIfAbsent(name, n -> keys.next());
    store.put(key, scope.processInstanceKey,
        new VariableEntry(key, name, toJson(value), scope.key, scope.processInstanceKey, scope.tenantId));
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
