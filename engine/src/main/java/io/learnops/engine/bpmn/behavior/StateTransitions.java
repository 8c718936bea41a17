package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;

/**
 * The steps of an element instance's lifecycle as records: ACTIVATING → ACTIVATED → COMPLETING →
 * COMPLETED, or TERMINATING → TERMINATED. Each step is written, and its applier changes the
 * instance (and removes it, with its variables, once it ended); processing never sets a state
 * itself, so recovery, which applies the same records, ends in the same state.
 */
public final class StateTransitions {

  private final EngineState state;
  private final RecordWriter records;

  public StateTransitions(EngineState state, RecordWriter records) {
    this.state = state;
    this.records = records;
  }

  public void transition(ElementInstance instance, ElementState next) {
    records.write(instance.key, next.intent(), instance.toValue());
  }

  /** A new instance of the element in the scope, ACTIVATING; {@code type} differs from the element's for a multi-instance body. */
  public ElementInstance newInstance(FlowNode node, ElementInstance scope, ElementType type) {
    final long key = state.nextKey();
    records.write(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, new ProcessInstanceValue(scope.bpmnProcessId,
        scope.version, scope.processDefinitionKey, scope.processInstanceKey, node.id(), scope.key, type, -1, -1,
        scope.tenantId));
    return state.elementInstances.get(key);
  }
}
