package io.learnops.engine.bpmn;

import io.learnops.engine.bpmn.behavior.CommandTime;
import io.learnops.engine.bpmn.behavior.EndedInstances;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.ExecutionListeners;
import io.learnops.engine.bpmn.behavior.FlowsInFlight;
import io.learnops.engine.bpmn.behavior.FollowUps;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.JobBehavior;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.Timers;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.bpmn.behavior.VariableMappings;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.model.SequenceFlow;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.EscalationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceCreationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Intent.SignalIntent;
import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.record.RecordValue.EscalationValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceCreationValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.RecordValue.SignalValue;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves element instances through their lifecycle: ACTIVATING → ACTIVATED → COMPLETING →
 * COMPLETED, or TERMINATING → TERMINATED. Each element family's behaviour on activation and
 * completion is one method below; wait states (jobs, catch events) stop at ACTIVATED until a
 * command continues them.
 *
 * <p>Follow-up work (a taken sequence flow activating its target) is queued and run to the end
 * within the command that caused it, breadth-first, so long chains of automatic elements never
 * grow the stack and the order of events is the order in which Zeebe writes them.
 *
 * <p><b>Why this class is this long</b> (about 1,000 lines): it still holds the lifecycle and the
 * behaviour of every element family. The behaviours they share (jobs, mappings, subscriptions,
 * timers, incidents, state transitions) are in {@code bpmn.behavior}; the families move out into
 * one processor each next. Do not add element behaviour here: add it as its own class and call it.
 */
public final class BpmnExecutor {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final ProcessCache processes;
  private final Decisions decisions;
  private final RecordWriter records;
  private final CommandTime time = new CommandTime();
  private final FollowUps followUps = new FollowUps();
  private final FlowsInFlight inFlight = new FlowsInFlight();
  private final VariableBehavior variables;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final IncidentBehavior incidents;
  private final VariableMappings mappings;
  private final JobBehavior jobs;
  private final ExecutionListeners listeners;
  private final Timers timers;
  private final EventSubscriptions subscriptions;
  private final EndedInstances ended;
  private final MultiInstanceBehavior multiInstances;
  private final UserTaskBehavior userTasks;

  public BpmnExecutor(EngineState state, ExpressionLanguage feel, ProcessCache processes, Decisions decisions,
      Effects effects, RecordWriter records) {
    this.state = state;
    this.feel = feel;
    this.processes = processes;
    this.decisions = decisions;
    this.records = records;
    this.variables = new VariableBehavior(state, records);
    this.navigation = new InstanceNavigation(state, processes);
    this.transitions = new StateTransitions(state, records);
    this.incidents = new IncidentBehavior(state, records);
    this.mappings = new VariableMappings(feel, variables, incidents);
    this.jobs = new JobBehavior(state, feel, variables, incidents, transitions, records, effects);
    this.listeners = new ExecutionListeners(jobs);
    this.timers = new Timers(state, feel, variables, incidents, records, processes, time);
    this.subscriptions = new EventSubscriptions(state, feel, variables, incidents, records, navigation, timers,
        new MessageCardinality(state), time, followUps);
    this.ended = new EndedInstances(effects);
    this.multiInstances = new MultiInstanceBehavior(this, state, feel, variables, incidents, transitions, subscriptions,
        navigation);
    this.userTasks = new UserTaskBehavior(this, state, feel, variables, effects, records, incidents, transitions, jobs,
        navigation, time, followUps);
  }

  public UserTaskBehavior userTasks() {
    return userTasks;
  }

  /** Told when a process instance that a correlated message started completes or is terminated. */
  public void onMessageStartedInstanceEnded(java.util.function.Consumer<ElementInstance> listener) {
    ended.onMessageStartedInstanceEnded(listener);
  }

  /** Sets the time of the command being processed; every date the executor writes uses it. */
  public void setTime(long commandTime) {
    time.set(commandTime);
    inFlight.clear();
    records.setTime(commandTime);
    feel.setCommandTime(commandTime);
  }

  public long now() {
    return time.now();
  }

  // ---- entry points for command handlers ------------------------------------------------

  /** The message that starts an instance at a message start event, and its correlation key ("" for none). */
  public record MessageStart(long messageKey, String correlationKey) {
    static final MessageStart NONE = new MessageStart(-1, "");
  }

  /** Creates an instance and runs it to its first wait states. */
  public ElementInstance createProcessInstance(
      ProcessDefinition definition, Map<String, Object> variablesOfInstance, FlowNode startEvent,
      Map<String, Object> eventVariables) {
    return createProcessInstance(definition, variablesOfInstance, startEvent, eventVariables, null, MessageStart.NONE);
  }

  /** Creates an instance that a message started at a message start event. */
  public ElementInstance createProcessInstance(
      ProcessDefinition definition, FlowNode startEvent, Map<String, Object> eventVariables, MessageStart message) {
    return createProcessInstance(definition, Map.of(), startEvent, eventVariables, null, message);
  }

  private ElementInstance createProcessInstance(
      ProcessDefinition definition, Map<String, Object> variablesOfInstance, FlowNode startEvent,
      Map<String, Object> eventVariables, ElementInstance caller, MessageStart message) {
    final ExecutableProcess process = processes.get(definition);
    final long key = state.nextKey();
    write(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, new ProcessInstanceValue(definition.bpmnProcessId,
        definition.version, definition.key, key, process.bpmnProcessId(), -1, ElementType.PROCESS,
        caller == null ? -1 : caller.processInstanceKey, caller == null ? -1 : caller.key, definition.tenantId));
    write(key, ProcessInstanceCreationIntent.CREATED, new ProcessInstanceCreationValue(definition.bpmnProcessId,
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
    startProcess(root, startEvent, eventVariables);
    followUps.runAll();
    return root;
  }

  private void startProcess(ElementInstance root, FlowNode startEvent, Map<String, Object> eventVariables) {
    transitions.transition(root, ElementState.ACTIVATED);
    final ElementInstance start = activate(startEvent, root);
    if (start != null) {
      completeWith(start, eventVariables);
    }
  }

  public void cancel(ElementInstance root) {
    terminate(root);
    followUps.runAll();
  }

  /** A job worker completed the job of a task, or a user task was completed. */
  public void completeTask(ElementInstance task, Map<String, Object> jobVariables) {
    completeWith(task, jobVariables);
    followUps.runAll();
  }

  /**
   * An execution listener's job completed. Variables of a start listener become local variables of
   * the element (its expressions see them); those of an end listener go to the element's scope.
   * Then the next listener runs, or the element goes on with its activation or completion.
   */
  public void completeExecutionListener(ElementInstance instance, String eventType, Map<String, Object> jobVariables) {
    if (Listener.START.equals(eventType)) {
      variables.setLocal(instance.key, jobVariables);
      if (runActivation(instance)) {
        completeWith(instance, null);
      }
    } else {
      variables.propagate(instance.isRoot() ? instance.key : instance.flowScopeKey, jobVariables);
      if (instance.isRoot()) {
        finishProcessInstance(instance);
      } else {
        runCompletion(instance);
      }
    }
    followUps.runAll();
  }

  /**
   * Throws an error from an element instance to the nearest error boundary event that catches its
   * code (an exact match before a catch-all).
   *
   * @return false if nothing catches it
   */
  public boolean throwError(ElementInstance from, String errorCode, Map<String, Object> errorVariables) {
    final boolean caught = catchError(from, errorCode, errorVariables);
    if (caught) {
      followUps.runAll();
    }
    return caught;
  }

  /**
   * Finds the catcher nearest to the thrower: the thrower's own error boundary events, then the
   * error event subprocesses of its scope, then that scope's boundary events, and so on up, through
   * call activities too. An exact error code wins over a catch-all.
   */
  private boolean catchError(ElementInstance from, String errorCode, Map<String, Object> errorVariables) {
    ElementInstance current = from;
    while (current != null) {
      final Optional<FlowNode> boundary = navigation.isInnerInstance(current) ? Optional.empty()
          : catcher(navigation.node(current).boundaryEvents(), EventType.ERROR, errorCode);
      if (boundary.isPresent()) {
        triggerBoundary(current, boundary.get(), errorVariables);
        return true;
      }
      final ElementInstance scope = errorScopeAbove(current);
      if (scope != null && scope.type != ElementType.CALL_ACTIVITY && scope.type != ElementType.MULTI_INSTANCE_BODY) {
        final Optional<FlowNode> start = catcher(triggerStarts(navigation.node(scope)), EventType.ERROR, errorCode);
        if (start.isPresent()) {
          startEventSubProcess(scope, start.get(), errorVariables);
          return true;
        }
      }
      current = scope;
    }
    return false;
  }

  /**
   * A message or signal arrived for a subscription. A message subscription that interrupts (every
   * one but those of non-interrupting boundary events and event subprocesses) closes with it.
   *
   * @param messageKey the message's key; -1 for a signal
   */
  public void correlate(Subscription subscription, long messageKey, Map<String, Object> eventVariables) {
    subscriptions.reach(subscription, messageKey, eventVariables).ifPresent(waiting -> {
      trigger(waiting, subscription.catchElementId, eventVariables);
      followUps.runAll();
    });
  }

  /** An event happened for a waiting instance: its own catch event, a gateway's event or a boundary event. */
  private void trigger(ElementInstance waiting, String catchElementId, Map<String, Object> eventVariables) {
    final FlowNode caught = navigation.process(waiting).element(catchElementId);
    if (catchElementId.equals(waiting.elementId)) {
      completeWith(waiting, eventVariables);
    } else if (caught.type() == ElementType.START_EVENT) {
      startEventSubProcess(waiting, caught, eventVariables);
    } else if (waiting.type == ElementType.EVENT_BASED_GATEWAY) {
      passGateway(waiting, navigation.process(waiting).element(catchElementId), eventVariables);
    } else {
      triggerBoundary(waiting, navigation.process(waiting).element(catchElementId), eventVariables);
    }
  }

  /** The first event wins: the gateway completes and its flow leads to that event, already triggered. */
  private void passGateway(ElementInstance gateway, FlowNode event, Map<String, Object> eventVariables) {
    final ElementInstance scope = navigation.flowScope(gateway);
    final String flowId = navigation.node(gateway).outgoing().stream()
        .filter(flow -> flow.targetId().equals(event.id())).findFirst().orElseThrow().id();
    subscriptions.closeAll(gateway);
    transitions.transition(gateway, ElementState.COMPLETING);
    transitions.transition(gateway, ElementState.COMPLETED);
    write(-1, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, scope.sequenceFlowValue(flowId));
    activateTriggered(event, scope, eventVariables);
  }

  public void triggerTimer(Timer timer) {
    write(timer.key, TimerIntent.TRIGGERED, timer.toValue());
    if (timer.elementInstanceKey < 0) {
      startByTimer(timer);
      followUps.runAll();
      return;
    }
    final ElementInstance waiting = state.elementInstances.get(timer.elementInstanceKey);
    if (waiting == null || waiting.state != ElementState.ACTIVATED) {
      return;
    }
    final boolean boundary = !timer.catchElementId.equals(waiting.elementId) && waiting.type != ElementType.EVENT_BASED_GATEWAY;
    if (boundary && !navigation.process(waiting).element(timer.catchElementId).isInterrupting()) {
      timers.reschedule(timer);
    }
    trigger(waiting, timer.catchElementId, Map.of());
    followUps.runAll();
  }

  /** Resolving an incident runs the step that failed again. */
  public void retry(Incident incident) {
    final ElementInstance instance = state.elementInstances.get(incident.elementInstanceKey);
    if (instance == null) {
      return;
    }
    switch (incident.retry) {
      case ACTIVATE -> runActivation(instance);
      case COMPLETE -> runCompletion(instance);
      case TASK_LISTENER -> userTasks.retryListener(instance);
      case JOB -> { }
    }
    followUps.runAll();
  }

  public void setVariables(ElementInstance scope, Map<String, Object> newVariables, boolean local) {
    if (local) {
      variables.setLocal(scope.key, newVariables);
    } else {
      variables.propagate(scope.key, newVariables);
    }
  }

  public Map<String, Object> visibleVariables(long scopeKey, List<String> names) {
    return variables.visible(scopeKey, names);
  }

  public void setLocalVariables(long scopeKey, Map<String, Object> newVariables) {
    variables.setLocal(scopeKey, newVariables);
  }

  public void raiseIncident(ElementInstance instance, Incident.ErrorType type, String message, Incident.Retry retry, long jobKey) {
    incidents.raise(instance, type, message, retry, jobKey);
  }

  /** Writes a record of what the command did; see {@link RecordWriter}. */
  public void write(long key, Intent intent, RecordValue value) {
    records.write(key, intent, value);
  }

  // ---- lifecycle ------------------------------------------------------------------------

  private ElementInstance activate(FlowNode node, ElementInstance scope) {
    final ElementInstance instance =
        transitions.newInstance(node, scope, node.multiInstance().isPresent() ? ElementType.MULTI_INSTANCE_BODY : node.type());
    return runActivation(instance) ? instance : null;
  }

  /**
   * Activates a catch event whose event already happened (chosen at an event-based gateway) and
   * completes it with the event's variables.
   */
  private void activateTriggered(FlowNode node, ElementInstance scope, Map<String, Object> eventVariables) {
    final ElementInstance instance = transitions.newInstance(node, scope, node.type());
    if (mappings.applyInput(instance, node)) {
      transitions.transition(instance, ElementState.ACTIVATED);
      completeWith(instance, eventVariables);
    }
  }


  /**
   * Runs the element's activation behaviour.
   *
   * @return true if the element is ACTIVATED and may be completed by its caller right away
   *     (start and boundary events carrying event variables)
   */
  boolean runActivation(ElementInstance instance) {
    final FlowNode node = navigation.node(instance);
    if (instance.type == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.activateBody(instance, node);
      return false;
    }
    if (instance.startListenersDone == 0 && !mappings.applyInput(instance, node)) {
      return false;
    }
    if (listeners.awaits(instance, node, Listener.START)) {
      return false;
    }
    switch (node.type()) {
      case PROCESS -> {
        if (subscriptions.openEventSubProcessTriggers(instance, node)) {
          startProcess(instance, navigation.process(instance).element(instance.startElementId), null);
        }
      }
      case START_EVENT, BOUNDARY_EVENT -> {
        transitions.transition(instance, ElementState.ACTIVATED);
        return true;
      }
      case TASK, MANUAL_TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY -> {
        transitions.transition(instance, ElementState.ACTIVATED);
        completeWith(instance, null);
      }
      case END_EVENT -> activateEndEvent(instance, node);
      case SERVICE_TASK, SEND_TASK, SCRIPT_TASK, BUSINESS_RULE_TASK -> {
        if (node.script().isPresent()) {
          runScript(instance, node);
        } else if (node.calledDecisionId().isPresent()) {
          evaluateDecision(instance, node);
        } else if (subscriptions.openBoundaryEvents(instance, node)) {
          jobs.activateWithJob(instance, node);
        }
      }
      case USER_TASK -> {
        if (subscriptions.openBoundaryEvents(instance, node)) {
          userTasks.activate(instance, node);
        }
      }
      case INTERMEDIATE_THROW_EVENT -> activateThrowEvent(instance, node);
      case CALL_ACTIVITY -> {
        if (subscriptions.openBoundaryEvents(instance, node)) {
          callProcess(instance, node);
        }
      }
      case EVENT_BASED_GATEWAY -> {
        if (subscriptions.openGatewayEvents(instance, node)) {
          transitions.transition(instance, ElementState.ACTIVATED);
          subscriptions.correlateBufferedMessage(instance, this::correlate);
        }
      }
      case SUB_PROCESS -> {
        if (subscriptions.openBoundaryEvents(instance, node) && subscriptions.openEventSubProcessTriggers(instance, node)) {
          transitions.transition(instance, ElementState.ACTIVATED);
          final ElementInstance start = activate(node.noneStartEvent(), instance);
          if (start != null) {
            completeWith(start, null);
          }
        }
      }
      case RECEIVE_TASK, INTERMEDIATE_CATCH_EVENT -> {
        if (node.eventType() == EventType.LINK) {
          transitions.transition(instance, ElementState.ACTIVATED);
          completeWith(instance, null);
        } else if (subscriptions.openBoundaryEvents(instance, node) && subscriptions.openCatchEvent(instance, node)) {
          transitions.transition(instance, ElementState.ACTIVATED);
          subscriptions.correlateBufferedMessage(instance, this::correlate);
        }
      }
      default -> throw new IllegalStateException("cannot activate " + node);
    }
    return false;
  }

  /**
   * Starts the called process as a child instance. It gets the call activity's visible variables
   * (or, with propagateAllParentVariables off, only its input mappings); the call activity waits
   * for it.
   */
  private void callProcess(ElementInstance instance, FlowNode node) {
    final Evaluation processId = feel.evaluate(node.calledElement().processId(), variables.lookup(instance.key));
    if (processId.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, processId.error(), Incident.Retry.ACTIVATE);
      return;
    }
    final String calledId = String.valueOf(processId.value());
    final Optional<ProcessDefinition> called = calledDefinition(instance, node, calledId);
    final Optional<FlowNode> start = called.flatMap(d -> processes.get(d).noneStartEvent());
    if (start.isEmpty()) {
      incidents.raise(instance, Incident.ErrorType.CALLED_ELEMENT_ERROR, called.isEmpty()
              ? "Expected process with BPMN process id '%s' to be deployed, but not found.".formatted(calledId)
              : "Expected process '%s' to have a none start event, but it has none.".formatted(calledId),
          Incident.Retry.ACTIVATE);
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    final Map<String, Object> handedDown = node.calledElement().propagateAllParentVariables()
        ? variables.visible(instance.key)
        : new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    createProcessInstance(called.get(), handedDown, start.get(), Map.of(), instance, MessageStart.NONE);
  }

  private Optional<ProcessDefinition> calledDefinition(ElementInstance caller, FlowNode node, String processId) {
    if (!node.calledElement().deploymentBinding()) {
      return state.latestDefinition(caller.tenantId, processId);
    }
    final long deploymentKey = state.definition(caller.processDefinitionKey).orElseThrow().deploymentKey;
    return state.processDefinitions.stream()
        .filter(d -> d.deploymentKey == deploymentKey && d.bpmnProcessId.equals(processId) && d.tenantId.equals(caller.tenantId))
        .findFirst();
  }

  /** A called process ended: its call activity completes with the child's variables. */
  private void returnToCaller(ElementInstance childRoot, Map<String, Object> childVariables) {
    final ElementInstance caller = state.elementInstances.get(childRoot.parentElementInstanceKey);
    if (caller == null || caller.state != ElementState.ACTIVATED) {
      return;
    }
    final FlowNode node = navigation.node(caller);
    final boolean handUp = node.calledElement().propagateAllChildVariables() || !node.outputs().isEmpty();
    completeWith(caller, handUp ? childVariables : Map.of());
  }

  /**
   * None, signal, link and terminate events pass through (the completion does what they mean); a
   * message throw or end event waits for its job.
   */
  private void activateThrowEvent(ElementInstance instance, FlowNode node) {
    if (node.isJobBased()) {
      jobs.activateWithJob(instance, node);
      return;
    }
    if (node.eventType() == EventType.SIGNAL && !throwSignal(instance, node)) {
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    if (node.eventType() == EventType.ESCALATION) {
      throwEscalation(instance, node.escalationCode().orElseThrow());
      if (instance.state != ElementState.ACTIVATED) {
        return; // an interrupting catch event terminated the thrower's scope
      }
    }
    completeWith(instance, null);
  }

  /**
   * Escalates to the nearest catcher above the thrower: the escalation boundary events of the
   * enclosing subprocesses and call activities, or the escalation event subprocesses of the scopes
   * on the way up. Unlike an error, an escalation nobody catches is no incident: the process goes on.
   */
  private void throwEscalation(ElementInstance thrower, String code) {
    ElementInstance current = thrower;
    while (current != null) {
      if (current != thrower && !navigation.isInnerInstance(current)) {
        final Optional<FlowNode> boundary = catcher(navigation.node(current).boundaryEvents(), EventType.ESCALATION, code);
        if (boundary.isPresent()) {
          escalation(EscalationIntent.ESCALATED, thrower, code, boundary.get().id());
          triggerBoundary(current, boundary.get(), Map.of());
          return;
        }
      }
      final ElementInstance scope = errorScopeAbove(current);
      if (scope != null && scope.type != ElementType.CALL_ACTIVITY && scope.type != ElementType.MULTI_INSTANCE_BODY) {
        final Optional<FlowNode> start = catcher(triggerStarts(navigation.node(scope)), EventType.ESCALATION, code);
        if (start.isPresent()) {
          escalation(EscalationIntent.ESCALATED, thrower, code, start.get().id());
          startEventSubProcess(scope, start.get(), Map.of());
          return;
        }
      }
      current = scope;
    }
    escalation(EscalationIntent.NOT_ESCALATED, thrower, code, "");
  }

  private void escalation(EscalationIntent intent, ElementInstance thrower, String code, String catchElementId) {
    write(-1, intent, new EscalationValue(code, thrower.elementId, catchElementId, thrower.processInstanceKey,
        thrower.bpmnProcessId, thrower.tenantId));
  }

  /** A script task computes its FEEL expression and completes with the result variable. */
  private void runScript(ElementInstance instance, FlowNode node) {
    final Evaluation result = feel.evaluate(node.script().orElseThrow(), variables.lookup(instance.key));
    if (result.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, result.error(), Incident.Retry.ACTIVATE);
      return;
    }
    completeWithResult(instance, node, result.value());
  }

  /** Script and decision tasks finish at once, handing their result over like a job's variables. */
  private void completeWithResult(ElementInstance instance, FlowNode node, Object value) {
    transitions.transition(instance, ElementState.ACTIVATED);
    final Map<String, Object> output = new LinkedHashMap<>();
    output.put(node.resultVariable(), value);
    completeWith(instance, output);
  }

  /**
   * A business rule task with {@code zeebe:calledDecision} evaluates the latest version of the
   * decision with the visible variables and completes with its output as the result variable.
   */
  private void evaluateDecision(ElementInstance instance, FlowNode node) {
    final String decisionId = node.calledDecisionId().orElseThrow();
    final Optional<DecisionDefinition> decision = state.latestDecision(instance.tenantId, decisionId);
    if (decision.isEmpty()) {
      incidents.raise(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but no decision found for id '%s'".formatted(decisionId, decisionId),
          Incident.Retry.ACTIVATE);
      return;
    }
    final Decisions.Evaluation result = decisions.evaluate(decision.get(), variables.visible(instance.key));
    write(state.nextKey(), result.intent(), result.toValue(instance));
    if (result.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but %s".formatted(decisionId, result.error()),
          Incident.Retry.ACTIVATE);
      return;
    }
    completeWithResult(instance, node, result.output());
  }

  /** Broadcasts the event's signal, with the event's local variables (its input mappings). */
  private boolean throwSignal(ElementInstance instance, FlowNode node) {
    final Evaluation name = feel.evaluate(node.signalName(), variables.lookup(instance.key));
    if (name.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, name.error(), Incident.Retry.ACTIVATE);
      return false;
    }
    final Map<String, Object> signalVariables = new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    write(state.nextKey(), SignalIntent.BROADCASTED,
        new SignalValue(String.valueOf(name.value()), signalVariables, instance.tenantId));
    broadcastSignal(String.valueOf(name.value()), signalVariables, instance.tenantId);
    return true;
  }

  /** Triggers every signal subscription and signal start event of that name. */
  public void broadcastSignal(String signalName, Map<String, Object> signalVariables, String tenantId) {
    for (final Subscription subscription : state.subscriptions(Subscription.Kind.SIGNAL, tenantId, signalName, null)) {
      if (state.subscriptions.containsKey(subscription.key) && !state.isBanned(subscription.processInstanceKey)) {
        correlate(subscription, -1, signalVariables);
      }
    }
    for (final ProcessDefinition definition : state.latestDefinitions()) {
      if (!definition.tenantId.equals(tenantId)) {
        continue;
      }
      processes.get(definition).startEvents().stream()
          .filter(start -> start.eventType() == EventType.SIGNAL && start.signalName().isStatic()
              && signalName.equals(start.signalName().staticValue()))
          .findFirst()
          .ifPresent(start -> createProcessInstance(definition, Map.of(), start, new LinkedHashMap<>(signalVariables)));
    }
  }

  /** End events behave like throw events, except that an error end event throws its error. */
  private void activateEndEvent(ElementInstance instance, FlowNode node) {
    if (node.eventType() != EventType.ERROR) {
      activateThrowEvent(instance, node);
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    final String code = node.errorCode().orElse("");
    if (catchError(instance, code, Map.of())) {
      return;
    }
    incidents.raise(instance, Incident.ErrorType.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '%s', but it was not caught. No error events are available in the scope."
            .formatted(code),
        Incident.Retry.ACTIVATE);
  }

  /** Applies event or job variables, then completes: with output mappings they stay local first. */
  private void completeWith(ElementInstance instance, Map<String, Object> completionVariables) {
    if (completionVariables != null && !completionVariables.isEmpty()) {
      if (navigation.node(instance).outputs().isEmpty()) {
        variables.propagate(instance.key, completionVariables);
      } else {
        variables.setLocal(instance.key, completionVariables);
      }
    }
    runCompletion(instance);
  }

  private void runCompletion(ElementInstance instance) {
    final FlowNode node = navigation.node(instance);
    if (instance.type == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.completeBody(instance, node);
      return;
    }
    if (instance.state != ElementState.COMPLETING) {
      transitions.transition(instance, ElementState.COMPLETING);
    }
    if (instance.endListenersDone == 0 && !mappings.applyOutput(instance, node)) {
      return;
    }
    if (listeners.awaits(instance, node, Listener.END)) {
      return;
    }
    if (navigation.isInnerInstance(instance)) {
      multiInstances.innerCompleted(instance, node);
      return;
    }
    final Optional<List<SequenceFlow>> flows = outgoingFlows(instance, node);
    if (flows.isEmpty()) {
      return;
    }
    subscriptions.closeAll(instance);
    final ElementInstance scope = navigation.flowScope(instance);
    transitions.transition(instance, ElementState.COMPLETED); // a terminate end event's discards the scope's join tokens
    if (node.type() == ElementType.END_EVENT && node.eventType() == EventType.TERMINATE) {
      List.copyOf(scope.children).forEach(child -> terminate(state.elementInstances.get(child)));
      inFlight.discard(scope.key);
    }
    for (final SequenceFlow flow : flows.get()) {
      takeFlow(flow, scope);
    }
    if (node.linkTarget() != null) {
      jumpTo(node.linkTarget(), scope);
    }
    fireInclusiveJoins(scope);
    completeScopeIfDone(scope);
  }

  void takeFlow(SequenceFlow flow, ElementInstance scope) {
    final int generation = inFlight.taken(scope.key);
    write(-1, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, scope.sequenceFlowValue(flow.id()));
    followUps.add(() -> arrive(flow, scope.key, generation));
  }


  /**
   * Runs an event subprocess in its scope. An interrupting one first terminates everything else in
   * the scope and closes the scope's other event-subprocess triggers; a non-interrupting one runs
   * alongside, and its trigger stays open.
   */
  private void startEventSubProcess(ElementInstance scope, FlowNode start, Map<String, Object> eventVariables) {
    final FlowNode eventSubProcess = start.flowScope().orElseThrow();
    if (start.isInterrupting()) {
      List.copyOf(scope.children).forEach(child -> terminate(state.elementInstances.get(child)));
      inFlight.discard(scope.key); // its join tokens go when the event subprocess activates
      subscriptions.closeEventSubProcessTriggers(scope, navigation.node(scope));
    }
    final ElementInstance instance = transitions.newInstance(eventSubProcess, scope, eventSubProcess.type());
    if (!mappings.applyInput(instance, eventSubProcess)) {
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    activateTriggered(start, instance, eventVariables);
  }

  /** A link throw event continues at its catch event, like a sequence flow that is not drawn. */
  private void jumpTo(FlowNode target, ElementInstance scope) {
    final int generation = inFlight.taken(scope.key);
    followUps.add(() -> {
      final ElementInstance current = state.elementInstances.get(scope.key);
      if (current != null && current.state == ElementState.ACTIVATED && inFlight.arrive(scope.key, generation)) {
        activate(target, current);
      }
    });
  }

  /**
   * A taken flow reaches its target. At a gateway that joins several flows, the flow's token was
   * left when it was taken: a parallel join fires once every incoming flow has one, an inclusive
   * join once nothing else can reach it.
   */
  private void arrive(SequenceFlow flow, long scopeKey, int generation) {
    final ElementInstance scope = state.elementInstances.get(scopeKey);
    if (scope == null || scope.state != ElementState.ACTIVATED || !inFlight.arrive(scopeKey, generation)) {
      return;
    }
    final FlowNode target = navigation.process(scope).element(flow.targetId());
    if (target.type() == ElementType.PARALLEL_GATEWAY && target.incoming().size() > 1) {
      joinAt(target, scope);
      return;
    }
    if (target.type() != ElementType.INCLUSIVE_GATEWAY || target.incoming().size() <= 1) {
      activate(target, scope);
    }
    fireInclusiveJoins(scope);
  }

  /**
   * An inclusive join fires once it holds a token and no other token in its scope can still reach
   * it: no element instance that is active there has a path to it, and no flow is in flight.
   */
  private void fireInclusiveJoins(ElementInstance scope) {
    if (scope.state != ElementState.ACTIVATED || inFlight.any(scope.key) || scope.joinTokens.isEmpty()) {
      return;
    }
    final ExecutableProcess process = navigation.process(scope);
    for (final String gatewayId : List.copyOf(scope.joinTokens.keySet())) {
      final FlowNode gateway = process.element(gatewayId);
      if (gateway.type() != ElementType.INCLUSIVE_GATEWAY || canStillArrive(scope, gateway, process)) {
        continue;
      }
      activate(gateway, scope); // takes the gateway's tokens
    }
  }

  private boolean canStillArrive(ElementInstance scope, FlowNode gateway, ExecutableProcess process) {
    for (final Long childKey : scope.children) {
      final ElementInstance child = state.elementInstances.get(childKey);
      if (child != null && reaches(process, process.element(child.elementId), gateway)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a path of sequence flows (or boundary events, or links) leads from one element to another. */
  private static boolean reaches(ExecutableProcess process, FlowNode from, FlowNode target) {
    final ArrayDeque<FlowNode> open = new ArrayDeque<>(List.of(from));
    final java.util.Set<String> seen = new java.util.HashSet<>();
    while (!open.isEmpty()) {
      final FlowNode node = open.poll();
      if (!seen.add(node.id())) {
        continue;
      }
      final List<FlowNode> next = new ArrayList<>(node.boundaryEvents());
      if (node.linkTarget() != null) {
        next.add(node.linkTarget());
      }
      for (final SequenceFlow flow : node.outgoing()) {
        if (flow.targetId().equals(target.id())) {
          return true;
        }
      }
      node.outgoing().forEach(flow -> next.add(process.element(flow.targetId())));
      open.addAll(next);
    }
    return false;
  }

  /** A parallel join fires once every incoming flow has left a token; activating it takes one of each. */
  private void joinAt(FlowNode gateway, ElementInstance scope) {
    final Map<String, Integer> tokens = scope.joinTokens.getOrDefault(gateway.id(), Map.of());
    if (gateway.incoming().stream().allMatch(f -> tokens.getOrDefault(f.id(), 0) > 0)) {
      activate(gateway, scope);
    }
  }

  void completeScopeIfDone(ElementInstance scope) {
    if (scope.state != ElementState.ACTIVATED || !scope.children.isEmpty() || inFlight.any(scope.key)
        || !scope.joinTokens.isEmpty()) {
      return;
    }
    if (!scope.isRoot()) {
      runCompletion(scope);
      return;
    }
    transitions.transition(scope, ElementState.COMPLETING);
    subscriptions.closeAll(scope);
    finishProcessInstance(scope);
  }

  /** A process instance whose last element completed: after its end listeners, it is done. */
  private void finishProcessInstance(ElementInstance root) {
    if (listeners.awaits(root, navigation.node(root), Listener.END)) {
      return;
    }
    final Map<String, Object> result = variables.visible(root.key);
    transitions.transition(root, ElementState.COMPLETED);
    ended.completed(root, result);
    if (root.parentElementInstanceKey >= 0) {
      returnToCaller(root, result);
    }
  }

  /** Terminates an instance and everything inside it; the caller decides what follows. */
  void terminate(ElementInstance instance) {
    if (instance == null || instance.state.isFinal()) {
      return;
    }
    transitions.transition(instance, ElementState.TERMINATING);
    List.copyOf(instance.children).forEach(child -> terminate(state.elementInstances.get(child)));
    if (instance.calledProcessInstanceKey >= 0) {
      terminate(state.elementInstances.get(instance.calledProcessInstanceKey));
    }
    inFlight.discard(instance.key);
    subscriptions.closeAll(instance);
    jobs.cancel(instance);
    if (instance.type == ElementType.USER_TASK) {
      userTasks.cancel(instance, navigation.node(instance));
    }
    incidents.resolveAll(instance);
    transitions.transition(instance, ElementState.TERMINATED);
    if (instance.isRoot()) {
      ended.terminated(instance);
    }
  }

  private void triggerBoundary(ElementInstance activity, FlowNode boundary, Map<String, Object> eventVariables) {
    final ElementInstance scope = navigation.flowScope(activity);
    if (boundary.isInterrupting()) {
      terminate(activity);
    }
    final ElementInstance instance = activate(boundary, scope);
    if (instance != null) {
      completeWith(instance, eventVariables);
    }
  }



  // ---- variables ------------------------------------------------------------------------




  // ---- flows ----------------------------------------------------------------------------

  /**
   * The flows an element leaves by: all of them, except at an exclusive gateway (the first whose
   * condition holds) and an inclusive gateway (every one whose condition holds); both fall back to
   * the default flow, and raise an incident without one. A gateway with a single unconditional
   * flow (a join) simply takes it.
   */
  private Optional<List<SequenceFlow>> outgoingFlows(ElementInstance instance, FlowNode node) {
    final boolean exclusive = node.type() == ElementType.EXCLUSIVE_GATEWAY;
    if (!exclusive && node.type() != ElementType.INCLUSIVE_GATEWAY) {
      return Optional.of(node.outgoing());
    }
    if (node.outgoing().size() == 1 && node.outgoing().get(0).condition().isEmpty()) {
      return Optional.of(node.outgoing());
    }
    final List<SequenceFlow> taken = new ArrayList<>();
    for (final SequenceFlow flow : node.outgoing()) {
      if (node.defaultFlow().map(d -> d == flow).orElse(false)) {
        continue;
      }
      if (flow.condition().isEmpty()) {
        if (!exclusive) {
          taken.add(flow);
        }
        continue;
      }
      final Evaluation result = feel.evaluate(flow.condition().get(), variables.lookup(instance.key));
      if (result.isFailure()) {
        incidents.raise(instance, Incident.ErrorType.CONDITION_ERROR, result.error(), Incident.Retry.COMPLETE);
        return Optional.empty();
      }
      if (Boolean.TRUE.equals(result.value())) {
        taken.add(flow);
        if (exclusive) {
          break;
        }
      }
    }
    if (!taken.isEmpty()) {
      return Optional.of(taken);
    }
    if (node.defaultFlow().isPresent()) {
      return Optional.of(List.of(node.defaultFlow().get()));
    }
    if (node.outgoing().isEmpty()) {
      return Optional.of(List.of());
    }
    incidents.raise(instance, Incident.ErrorType.CONDITION_ERROR,
        "Expected at least one condition to evaluate to true, or to have a default flow, but no condition of gateway '%s' was true"
            .formatted(node.id()),
        Incident.Retry.COMPLETE);
    return Optional.empty();
  }

  // ---- jobs -----------------------------------------------------------------------------









  // ---- events: subscriptions and timers -------------------------------------------------











  /** Schedules the timer start events of a newly deployed latest version. */
  public void scheduleStartTimers(ProcessDefinition definition) {
    timers.scheduleStartTimers(definition);
  }

  private void startByTimer(Timer timer) {
    state.definition(timer.processDefinitionKey).ifPresent(definition -> {
      timers.reschedule(timer);
      createProcessInstance(definition, Map.of(), processes.get(definition).element(timer.catchElementId), Map.of());
    });
  }


  /** Cancels a timer that may no longer fire. */
  public void cancelTimer(Timer timer) {
    timers.cancel(timer);
  }

  /** Claims a message for a subscription's process; see {@link EventSubscriptions#claim}. */
  public boolean claim(Message message, Subscription subscription) {
    return subscriptions.claim(message, subscription);
  }

  // ---- navigation -----------------------------------------------------------------------

  private static List<FlowNode> triggerStarts(FlowNode container) {
    return container.eventSubProcesses().stream().map(FlowNode::triggerStartEvent).toList();
  }

  /** The catch event for an error or escalation code among candidates: an exact code before a catch-all. */
  private static Optional<FlowNode> catcher(List<FlowNode> candidates, EventType type, String code) {
    final List<FlowNode> catching = candidates.stream().filter(c -> c.eventType() == type).toList();
    final java.util.function.Function<FlowNode, Optional<String>> codeOf =
        type == EventType.ERROR ? FlowNode::errorCode : FlowNode::escalationCode;
    return catching.stream().filter(c -> codeOf.apply(c).map(code::equals).orElse(false)).findFirst()
        .or(() -> catching.stream().filter(c -> codeOf.apply(c).isEmpty()).findFirst());
  }

  /** Errors travel up the flow scopes and, from a called process, on to its call activity. */
  private ElementInstance errorScopeAbove(ElementInstance instance) {
    if (instance.isRoot() && instance.parentElementInstanceKey >= 0) {
      return state.elementInstances.get(instance.parentElementInstanceKey);
    }
    return navigation.flowScope(instance);
  }





}
