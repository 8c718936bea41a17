package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.MessageStart;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.ExecutionListeners;
import io.learnops.engine.bpmn.behavior.FollowUps;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.record.Intent.ProcessInstanceCreationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.RecordValue.ProcessInstanceCreationValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.ProcessDefinition;
import java.util.Map;

/**
 * Starting a process instance, however it is started: by a client, at a message, timer or signal
 * start event, or by a call activity. The instance gets its variables, runs its start listeners,
 * opens its event subprocesses' triggers and activates its start event, then runs to its first
 * wait states within the command. The lifecycle of the running instance is {@link ProcessProcessor}'s.
 */
public final class ProcessInstanceCreation {

  private final EngineState state;
  private final ProcessCache processes;
  private final RecordWriter records;
  private final VariableBehavior variables;
  private final ExecutionListeners listeners;
  private final EventSubscriptions subscriptions;
  private final StateTransitions transitions;
  private final ElementLifecycle lifecycle;
  private final FollowUps followUps;

  public ProcessInstanceCreation(EngineState state, ProcessCache processes, RecordWriter records,
      VariableBehavior variables, ExecutionListeners listeners, EventSubscriptions subscriptions,
      StateTransitions transitions, ElementLifecycle lifecycle, FollowUps followUps) {
    this.state = state;
    this.processes = processes;
    this.records = records;
    this.variables = variables;
    this.listeners = listeners;
    this.subscriptions = subscriptions;
    this.transitions = transitions;
    this.lifecycle = lifecycle;
    this.followUps = followUps;
  }

  /** Creates an instance at the start event and runs it to its first wait states. */
  public ElementInstance create(ProcessDefinition definition, Map<String, Object> variablesOfInstance,
      FlowNode startEvent, Map<String, Object> eventVariables, MessageStart message) {
    return create(definition, variablesOfInstance, startEvent, eventVariables, null, message);
  }

  /** Creates an instance of the process a call activity calls, as the call activity's child. */
  public ElementInstance createCalled(ProcessDefinition called, Map<String, Object> handedDown, FlowNode startEvent,
      ElementInstance caller) {
    return create(called, handedDown, startEvent, Map.of(), caller, MessageStart.NONE);
  }

  /** The started instance becomes ACTIVATED and its start event completes with the event's variables. */
  void start(ElementInstance root, FlowNode startEvent, Map<String, Object> eventVariables) {
    transitions.transition(root, ElementState.ACTIVATED);
    final ElementInstance start = lifecycle.activate(startEvent, root);
    if (start != null) {
      lifecycle.complete(start, eventVariables);
    }
  }

  private ElementInstance create(ProcessDefinition definition, Map<String, Object> variablesOfInstance,
      FlowNode startEvent, Map<String, Object> eventVariables, ElementInstance caller, MessageStart message) {
    final ExecutableProcess process = processes.get(definition);
    final long key = state.nextKey();
    records.write(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, new ProcessInstanceValue(definition.bpmnProcessId,
        definition.version, definition.key, key, process.bpmnProcessId(), -1, ElementType.PROCESS,
        caller == null ? -1 : caller.processInstanceKey, caller == null ? -1 : caller.key, definition.tenantId));
    records.write(key, ProcessInstanceCreationIntent.CREATED, new ProcessInstanceCreationValue(definition.bpmnProcessId,
        definition.version, definition.key, key, startEvent.id(), message.messageKey(), message.correlationKey(),
        definition.tenantId));
    final ElementInstance root = state.elementInstances.get(key);
    variables.setLocal(root.key, variablesOfInstance);
    if (listeners.awaits(root, process.processElement(), Listener.START)) {
      variables.setLocal(root.key, eventVariables); // the start event's variables, kept until the listeners are done
      return root;
    }
    if (!subscriptions.openEventSubProcessTriggers(root, process.processElement())) {
      variables.setLocal(root.key, eventVariables); // kept for when the incident is resolved
      return root;
    }
    start(root, startEvent, eventVariables);
    followUps.runAll();
    return root;
  }
}
