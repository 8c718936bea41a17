package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;

/**
 * From an element instance to the BPMN element it runs and to the scopes around it. Instances keep
 * only ids and keys (that is what records carry); the executable model comes from the process
 * cache.
 */
public final class InstanceNavigation {

  private final EngineState state;
  private final ProcessCache processes;

  public InstanceNavigation(EngineState state, ProcessCache processes) {
    this.state = state;
    this.processes = processes;
  }

  public ExecutableProcess process(ElementInstance instance) {
    return processes.get(state.definition(instance.processDefinitionKey).orElseThrow());
  }

  /** The element the instance runs; for a process instance, the process itself. */
  public FlowNode node(ElementInstance instance) {
    final ExecutableProcess process = process(instance);
    return instance.type == ElementType.PROCESS ? process.processElement() : process.element(instance.elementId);
  }

  /** The instance's flow scope, or null for a process instance. */
  public ElementInstance flowScope(ElementInstance instance) {
    return instance.flowScopeKey < 0 ? null : state.elementInstances.get(instance.flowScopeKey);
  }

  /** An inner instance of a multi-instance activity: its scope is the activity's body. */
  public boolean isInnerInstance(ElementInstance instance) {
    final ElementInstance scope = flowScope(instance);
    return scope != null && scope.type == ElementType.MULTI_INSTANCE_BODY && instance.type != ElementType.MULTI_INSTANCE_BODY;
  }
}
