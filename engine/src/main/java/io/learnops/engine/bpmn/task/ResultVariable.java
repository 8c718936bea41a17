package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Script and decision tasks that the engine evaluates itself finish at once, handing their result
 * over as their result variable, like a job's variables.
 */
public final class ResultVariable {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;

  public ResultVariable(ElementLifecycle lifecycle, StateTransitions transitions) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
  }

  void completeWith(ElementInstance instance, FlowNode node, Object value) {
    transitions.transition(instance, ElementState.ACTIVATED);
    final Map<String, Object> output = new LinkedHashMap<>();
    output.put(node.resultVariable(), value);
    lifecycle.complete(instance, output);
  }
}
