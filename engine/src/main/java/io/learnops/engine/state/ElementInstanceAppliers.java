package io.learnops.engine.state;

import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.ProcessInstanceCreationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.RecordValue.ProcessInstanceCreationValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Element instances in the state: created at ACTIVATING inside their flow scope, moved through
 * their lifecycle, and gone with their variables at COMPLETED or TERMINATED. Tokens waiting at a
 * joining gateway are counted when their sequence flow is taken and consumed when the gateway
 * activates; a terminate end event or an interrupting event subprocess discards those of its
 * scope.
 */
final class ElementInstanceAppliers {

  private final EngineState state;
  private final ProcessModels models;

  ElementInstanceAppliers(EngineState state, ProcessModels models) {
    this.state = state;
    this.models = models;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_ACTIVATING, this::activating);
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_ACTIVATED,
        (key, value, at) -> state.elementInstances.get(key).state = ElementState.ACTIVATED);
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_COMPLETING,
        (key, value, at) -> state.elementInstances.get(key).state = ElementState.COMPLETING);
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_TERMINATING,
        (key, value, at) -> state.elementInstances.get(key).state = ElementState.TERMINATING);
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_COMPLETED,
        (key, value, at) -> ended(key, ElementState.COMPLETED));
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.ELEMENT_TERMINATED,
        (key, value, at) -> ended(key, ElementState.TERMINATED));
    appliers.<ProcessInstanceValue>register(ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, (key, value, at) -> flowTaken(value));
    appliers.<ProcessInstanceCreationValue>register(ProcessInstanceCreationIntent.CREATED, (key, value, at) -> created(value));
  }

  private void activating(long key, ProcessInstanceValue value, long timestamp) {
    final ElementInstance instance = ElementInstance.of(key, value, timestamp);
    state.elementInstances.put(key, instance);
    final ElementInstance scope = state.elementInstances.get(value.flowScopeKey());
    if (scope != null) {
      scope.children.add(key);
      if (scope.type == ElementType.MULTI_INSTANCE_BODY) {
        scope.multiInstanceStarted++;
      }
      consumeJoinTokens(scope, instance);
    } else if (value.parentElementInstanceKey() >= 0) {
      final ElementInstance caller = state.elementInstances.get(value.parentElementInstanceKey());
      if (caller != null) {
        caller.calledProcessInstanceKey = key;
      }
    }
  }

  /** A joining gateway takes one token per incoming flow (parallel) or all of them (inclusive); an interrupting event subprocess discards them. */
  private void consumeJoinTokens(ElementInstance scope, ElementInstance instance) {
    switch (instance.type) {
      case PARALLEL_GATEWAY -> {
        final Map<String, Integer> tokens = scope.joinTokens.get(instance.elementId);
        if (tokens != null) {
          node(instance).incoming().forEach(flow -> tokens.computeIfPresent(flow.id(), (id, n) -> n == 1 ? null : n - 1));
          if (tokens.isEmpty()) {
            scope.joinTokens.remove(instance.elementId);
          }
        }
      }
      case INCLUSIVE_GATEWAY -> scope.joinTokens.remove(instance.elementId);
      case EVENT_SUB_PROCESS -> {
        if (node(instance).triggerStartEvent().isInterrupting()) {
          scope.joinTokens.clear();
        }
      }
      default -> { }
    }
  }

  private void ended(long key, ElementState end) {
    final ElementInstance instance = state.elementInstances.remove(key);
    instance.state = end;
    state.variables.remove(key);
    final ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
    if (scope != null) {
      scope.children.remove(key);
      if (end == ElementState.COMPLETED && instance.type == ElementType.END_EVENT
          && node(instance).eventType() == EventType.TERMINATE) {
        scope.joinTokens.clear();
      }
    } else if (instance.parentElementInstanceKey >= 0) {
      final ElementInstance caller = state.elementInstances.get(instance.parentElementInstanceKey);
      if (caller != null && caller.calledProcessInstanceKey == key) {
        caller.calledProcessInstanceKey = -1;
      }
    }
  }

  /** A flow into a gateway that joins several leaves a token there until the gateway fires. */
  private void flowTaken(ProcessInstanceValue flow) {
    final ElementInstance scope = state.elementInstances.get(flow.flowScopeKey());
    final FlowNode target = models.process(flow.processDefinitionKey()).flowTarget(flow.elementId());
    if (scope != null && target.incoming().size() > 1
        && (target.type() == ElementType.PARALLEL_GATEWAY || target.type() == ElementType.INCLUSIVE_GATEWAY)) {
      scope.joinTokens.computeIfAbsent(target.id(), g -> new LinkedHashMap<>()).merge(flow.elementId(), 1, Integer::sum);
    }
  }

  private void created(ProcessInstanceCreationValue creation) {
    final ElementInstance root = state.elementInstances.get(creation.processInstanceKey());
    root.startElementId = creation.startElementId();
    if (!creation.messageCorrelationKey().isEmpty()) {
      root.messageStartCorrelationKey = creation.messageCorrelationKey();
    }
    final Message message = state.messages.get(creation.messageKey());
    if (message != null) {
      message.correlatedProcesses.add(creation.bpmnProcessId());
    }
  }

  private FlowNode node(ElementInstance instance) {
    return models.process(instance.processDefinitionKey).element(instance.elementId);
  }
}
