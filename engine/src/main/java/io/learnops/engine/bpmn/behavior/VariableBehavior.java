package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.feel.ExpressionLanguage.VariableLookup;
import io.learnops.engine.record.Intent.VariableIntent;
import io.learnops.engine.record.RecordValue.VariableValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Variable scopes as Zeebe documents them: every element instance is a scope; a lookup walks up
 * the flow scopes; merging variables updates the nearest scope that already has each variable and
 * otherwise creates it in the root (the process instance).
 *
 * <p>Every write is a VARIABLE record (CREATED or UPDATED, with its scope and value): one small
 * record per written variable, nothing more.
 */
public final class VariableBehavior {

  private final EngineState state;
  private final RecordWriter records;

  public VariableBehavior(EngineState state, RecordWriter records) {
    this.state = state;
    this.records = records;
  }

  public void setLocal(long scopeKey, Map<String, Object> variables) {
    variables.forEach((name, value) -> put(scopeKey, name, value));
  }

  /** Writes one variable in a scope; its applier puts it there. */
  private void put(long scopeKey, String name, Object value) {
    final Map<String, Object> local = state.variables.get(scopeKey);
    final VariableIntent intent = local != null && local.containsKey(name) ? VariableIntent.UPDATED : VariableIntent.CREATED;
    final ElementInstance scope = state.elementInstances.get(scopeKey);
    records.write(-1, intent, new VariableValue(name, value, scopeKey, scope.processInstanceKey,
        scope.processDefinitionKey, scope.bpmnProcessId, scope.tenantId));
  }

  /** Merges each variable into the nearest scope from {@code scopeKey} up that defines it, else the root. */
  public void propagate(long scopeKey, Map<String, Object> variables) {
    variables.forEach((name, value) -> {
      long scope = scopeKey;
      long root = scopeKey;
      while (scope >= 0) {
        final Map<String, Object> local = state.variables.get(scope);
        if (local != null && local.containsKey(name)) {
          put(scope, name, value);
          return;
        }
        root = scope;
        scope = flowScopeOf(scope);
      }
      put(root, name, value);
    });
  }

  private Optional<Object> find(long scopeKey, String name) {
    long scope = scopeKey;
    while (scope >= 0) {
      final Map<String, Object> local = state.variables.get(scope);
      if (local != null && local.containsKey(name)) {
        return Optional.ofNullable(local.get(name));
      }
      scope = flowScopeOf(scope);
    }
    return Optional.empty();
  }

  /** All variables visible from a scope; inner scopes shadow outer ones. */
  public Map<String, Object> visible(long scopeKey) {
    final Map<String, Object> result = new LinkedHashMap<>();
    long scope = scopeKey;
    while (scope >= 0) {
      final Map<String, Object> local = state.variables.get(scope);
      if (local != null) {
        local.forEach(result::putIfAbsent);
      }
      scope = flowScopeOf(scope);
    }
    return result;
  }

  /** The visible variables with the given names; all of them when {@code names} is empty. */
  public Map<String, Object> visible(long scopeKey, Collection<String> names) {
    if (names == null || names.isEmpty()) {
      return visible(scopeKey);
    }
    final Map<String, Object> result = new LinkedHashMap<>();
    for (final String name : names) {
      long scope = scopeKey;
      while (scope >= 0) {
        final Map<String, Object> local = state.variables.get(scope);
        if (local != null && local.containsKey(name)) {
          result.put(name, local.get(name));
          break;
        }
        scope = flowScopeOf(scope);
      }
    }
    return result;
  }

  public VariableLookup lookup(long scopeKey) {
    return new VariableLookup() {
      @Override
      public Optional<Object> find(String name) {
        return VariableBehavior.this.find(scopeKey, name);
      }

      @Override
      public Iterable<String> names() {
        final Set<String> names = new LinkedHashSet<>(visible(scopeKey).keySet());
        return names;
      }
    };
  }

  private long flowScopeOf(long scopeKey) {
    final ElementInstance instance = state.elementInstances.get(scopeKey);
    return instance == null ? -1 : instance.flowScopeKey;
  }
}
