package io.learnops.engine.bpmn;

import io.learnops.engine.decision.Decisions;
import io.learnops.engine.feel.Expression;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.model.SequenceFlow;
import io.learnops.engine.model.TimerSchedule;
import io.learnops.engine.model.UserTaskDefinition;
import io.learnops.engine.model.VariableMapping;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.EscalationIntent;
import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.Intent.ProcessInstanceCreationIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Intent.ProcessMessageSubscriptionIntent;
import io.learnops.engine.record.Intent.SignalIntent;
import io.learnops.engine.record.Intent.SignalSubscriptionIntent;
import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.record.RecordValue.EscalationValue;
import io.learnops.engine.record.RecordValue.IncidentValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceCreationValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.RecordValue.SignalValue;
import io.learnops.engine.record.RecordValue.TimerValue;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Job;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import java.math.BigDecimal;
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
 * <p><b>Why this class is this long</b> (about 1,400 lines): it still holds the behaviour of every
 * element family. It is to be split into one processor per family (tasks, gateways, events,
 * containers, multi-instance) with shared behaviours (jobs, mappings, subscriptions, incidents,
 * error and escalation propagation), together with moving element instances and variables behind
 * record appliers; both change every mutation here, so they are done in one step. Do not add
 * element behaviour here: add it as its own class and call it.
 */
public final class BpmnExecutor {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final ProcessCache processes;
  private final Decisions decisions;
  private final VariableBehavior variables;
  private final Effects effects;
  private final RecordWriter records;
  private final ArrayDeque<Runnable> followUps = new ArrayDeque<>();
  private final FlowsInFlight inFlight = new FlowsInFlight();
  private final MultiInstanceBehavior multiInstances;
  private final UserTaskBehavior userTasks;
  private final MessageCardinality messageCardinality;
  private java.util.function.Consumer<ElementInstance> messageStartedInstanceEnded = root -> { };
  private long now;

  public BpmnExecutor(EngineState state, ExpressionLanguage feel, ProcessCache processes, Decisions decisions,
      Effects effects, RecordWriter records) {
    this.state = state;
    this.feel = feel;
    this.processes = processes;
    this.decisions = decisions;
    this.variables = new VariableBehavior(state, records);
    this.effects = effects;
    this.records = records;
    this.multiInstances = new MultiInstanceBehavior(this, state, feel, variables);
    this.userTasks = new UserTaskBehavior(this, state, feel, variables, effects);
    this.messageCardinality = new MessageCardinality(state);
  }

  public UserTaskBehavior userTasks() {
    return userTasks;
  }

  /** Told when a process instance that a correlated message started completes or is terminated. */
  public void onMessageStartedInstanceEnded(java.util.function.Consumer<ElementInstance> listener) {
    this.messageStartedInstanceEnded = listener;
  }

  /** Sets the time of the command being processed; every date the executor writes uses it. */
  public void setTime(long commandTime) {
    this.now = commandTime;
    inFlight.clear();
    records.setTime(commandTime);
    feel.setCommandTime(commandTime);
  }

  public long now() {
    return now;
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
    if (awaitsListener(root, process.processElement(), Listener.START)) {
      variables.setLocal(root.key, eventVariables); // the start event's variables, kept until the listeners are done
      return root;
    }
    if (!openEventSubProcesses(root, process.processElement())) {
      variables.setLocal(root.key, eventVariables); // kept for when the incident is resolved
      return root;
    }
    startProcess(root, startEvent, eventVariables);
    runFollowUps();
    return root;
  }

  private void startProcess(ElementInstance root, FlowNode startEvent, Map<String, Object> eventVariables) {
    transition(root, ElementState.ACTIVATED);
    final ElementInstance start = activate(startEvent, root);
    if (start != null) {
      completeWith(start, eventVariables);
    }
  }

  public void cancel(ElementInstance root) {
    terminate(root);
    runFollowUps();
  }

  /** A job worker completed the job of a task, or a user task was completed. */
  public void completeTask(ElementInstance task, Map<String, Object> jobVariables) {
    completeWith(task, jobVariables);
    runFollowUps();
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
    runFollowUps();
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
      runFollowUps();
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
      final Optional<FlowNode> boundary = isInnerInstance(current) ? Optional.empty()
          : catcher(node(current).boundaryEvents(), EventType.ERROR, errorCode);
      if (boundary.isPresent()) {
        triggerBoundary(current, boundary.get(), errorVariables);
        return true;
      }
      final ElementInstance scope = errorScopeAbove(current);
      if (scope != null && scope.type != ElementType.CALL_ACTIVITY && scope.type != ElementType.MULTI_INSTANCE_BODY) {
        final Optional<FlowNode> start = catcher(triggerStarts(node(scope)), EventType.ERROR, errorCode);
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
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null || waiting.state != ElementState.ACTIVATED) {
      return;
    }
    if (subscription.kind == Subscription.Kind.MESSAGE) {
      write(subscription.key, ProcessMessageSubscriptionIntent.CORRELATED,
          subscription.toValue(waiting, messageKey, eventVariables));
    }
    trigger(waiting, subscription.catchElementId, eventVariables);
    runFollowUps();
  }

  /** An event happened for a waiting instance: its own catch event, a gateway's event or a boundary event. */
  private void trigger(ElementInstance waiting, String catchElementId, Map<String, Object> eventVariables) {
    final FlowNode caught = process(waiting).element(catchElementId);
    if (catchElementId.equals(waiting.elementId)) {
      completeWith(waiting, eventVariables);
    } else if (caught.type() == ElementType.START_EVENT) {
      startEventSubProcess(waiting, caught, eventVariables);
    } else if (waiting.type == ElementType.EVENT_BASED_GATEWAY) {
      passGateway(waiting, process(waiting).element(catchElementId), eventVariables);
    } else {
      triggerBoundary(waiting, process(waiting).element(catchElementId), eventVariables);
    }
  }

  /** The first event wins: the gateway completes and its flow leads to that event, already triggered. */
  private void passGateway(ElementInstance gateway, FlowNode event, Map<String, Object> eventVariables) {
    final ElementInstance scope = flowScope(gateway);
    final String flowId = node(gateway).outgoing().stream()
        .filter(flow -> flow.targetId().equals(event.id())).findFirst().orElseThrow().id();
    closeEventScopes(gateway);
    transition(gateway, ElementState.COMPLETING);
    transition(gateway, ElementState.COMPLETED);
    write(-1, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, scope.sequenceFlowValue(flowId));
    activateTriggered(event, scope, eventVariables);
  }

  public void triggerTimer(Timer timer) {
    write(timer.key, TimerIntent.TRIGGERED, timer.toValue());
    if (timer.elementInstanceKey < 0) {
      startByTimer(timer);
      runFollowUps();
      return;
    }
    final ElementInstance waiting = state.elementInstances.get(timer.elementInstanceKey);
    if (waiting == null || waiting.state != ElementState.ACTIVATED) {
      return;
    }
    final boolean boundary = !timer.catchElementId.equals(waiting.elementId) && waiting.type != ElementType.EVENT_BASED_GATEWAY;
    if (boundary && !process(waiting).element(timer.catchElementId).isInterrupting()) {
      reschedule(timer);
    }
    trigger(waiting, timer.catchElementId, Map.of());
    runFollowUps();
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
    runFollowUps();
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
    write(state.nextKey(), IncidentIntent.CREATED, new IncidentValue(type, message, retry, instance.key,
        instance.elementId, instance.processInstanceKey, instance.processDefinitionKey, instance.bpmnProcessId, jobKey,
        instance.tenantId));
  }

  /** Writes a record of what the command did; see {@link RecordWriter}. */
  public void write(long key, Intent intent, RecordValue value) {
    records.write(key, intent, value);
  }

  // ---- lifecycle ------------------------------------------------------------------------

  private ElementInstance activate(FlowNode node, ElementInstance scope) {
    final ElementInstance instance =
        newInstance(node, scope, node.multiInstance().isPresent() ? ElementType.MULTI_INSTANCE_BODY : node.type());
    return runActivation(instance) ? instance : null;
  }

  /**
   * Activates a catch event whose event already happened (chosen at an event-based gateway) and
   * completes it with the event's variables.
   */
  private void activateTriggered(FlowNode node, ElementInstance scope, Map<String, Object> eventVariables) {
    final ElementInstance instance = newInstance(node, scope, node.type());
    if (applyInputMappings(instance, node)) {
      transition(instance, ElementState.ACTIVATED);
      completeWith(instance, eventVariables);
    }
  }

  /** A new instance of the element in the scope, ACTIVATING. */
  ElementInstance newInstance(FlowNode node, ElementInstance scope, ElementType type) {
    final long key = state.nextKey();
    write(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, new ProcessInstanceValue(scope.bpmnProcessId, scope.version,
        scope.processDefinitionKey, scope.processInstanceKey, node.id(), scope.key, type, -1, -1, scope.tenantId));
    return state.elementInstances.get(key);
  }

  /**
   * Runs the element's activation behaviour.
   *
   * @return true if the element is ACTIVATED and may be completed by its caller right away
   *     (start and boundary events carrying event variables)
   */
  boolean runActivation(ElementInstance instance) {
    final FlowNode node = node(instance);
    if (instance.type == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.activateBody(instance, node);
      return false;
    }
    if (instance.startListenersDone == 0 && !applyInputMappings(instance, node)) {
      return false;
    }
    if (awaitsListener(instance, node, Listener.START)) {
      return false;
    }
    switch (node.type()) {
      case PROCESS -> {
        if (openEventSubProcesses(instance, node)) {
          startProcess(instance, process(instance).element(instance.startElementId), null);
        }
      }
      case START_EVENT, BOUNDARY_EVENT -> {
        transition(instance, ElementState.ACTIVATED);
        return true;
      }
      case TASK, MANUAL_TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY -> {
        transition(instance, ElementState.ACTIVATED);
        completeWith(instance, null);
      }
      case END_EVENT -> activateEndEvent(instance, node);
      case SERVICE_TASK, SEND_TASK, SCRIPT_TASK, BUSINESS_RULE_TASK -> {
        if (node.script().isPresent()) {
          runScript(instance, node);
        } else if (node.calledDecisionId().isPresent()) {
          evaluateDecision(instance, node);
        } else if (openBoundaryEvents(instance, node)) {
          activateWithJob(instance, node);
        }
      }
      case USER_TASK -> {
        if (openBoundaryEvents(instance, node)) {
          userTasks.activate(instance, node);
        }
      }
      case INTERMEDIATE_THROW_EVENT -> activateThrowEvent(instance, node);
      case CALL_ACTIVITY -> {
        if (openBoundaryEvents(instance, node)) {
          callProcess(instance, node);
        }
      }
      case EVENT_BASED_GATEWAY -> {
        if (openGatewayEvents(instance, node)) {
          transition(instance, ElementState.ACTIVATED);
          correlateBufferedMessage(instance);
        }
      }
      case SUB_PROCESS -> {
        if (openBoundaryEvents(instance, node) && openEventSubProcesses(instance, node)) {
          transition(instance, ElementState.ACTIVATED);
          final ElementInstance start = activate(node.noneStartEvent(), instance);
          if (start != null) {
            completeWith(start, null);
          }
        }
      }
      case RECEIVE_TASK, INTERMEDIATE_CATCH_EVENT -> {
        if (node.eventType() == EventType.LINK) {
          transition(instance, ElementState.ACTIVATED);
          completeWith(instance, null);
        } else if (openBoundaryEvents(instance, node) && openCatchEvent(instance, node)) {
          transition(instance, ElementState.ACTIVATED);
          correlateBufferedMessage(instance);
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
      raiseIncident(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, processId.error(), Incident.Retry.ACTIVATE, -1);
      return;
    }
    final String calledId = String.valueOf(processId.value());
    final Optional<ProcessDefinition> called = calledDefinition(instance, node, calledId);
    final Optional<FlowNode> start = called.flatMap(d -> processes.get(d).noneStartEvent());
    if (start.isEmpty()) {
      raiseIncident(instance, Incident.ErrorType.CALLED_ELEMENT_ERROR, called.isEmpty()
              ? "Expected process with BPMN process id '%s' to be deployed, but not found.".formatted(calledId)
              : "Expected process '%s' to have a none start event, but it has none.".formatted(calledId),
          Incident.Retry.ACTIVATE, -1);
      return;
    }
    transition(instance, ElementState.ACTIVATED);
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
    final FlowNode node = node(caller);
    final boolean handUp = node.calledElement().propagateAllChildVariables() || !node.outputs().isEmpty();
    completeWith(caller, handUp ? childVariables : Map.of());
  }

  /**
   * None, signal, link and terminate events pass through (the completion does what they mean); a
   * message throw or end event waits for its job.
   */
  private void activateThrowEvent(ElementInstance instance, FlowNode node) {
    if (node.isJobBased()) {
      activateWithJob(instance, node);
      return;
    }
    if (node.eventType() == EventType.SIGNAL && !throwSignal(instance, node)) {
      return;
    }
    transition(instance, ElementState.ACTIVATED);
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
      if (current != thrower && !isInnerInstance(current)) {
        final Optional<FlowNode> boundary = catcher(node(current).boundaryEvents(), EventType.ESCALATION, code);
        if (boundary.isPresent()) {
          escalation(EscalationIntent.ESCALATED, thrower, code, boundary.get().id());
          triggerBoundary(current, boundary.get(), Map.of());
          return;
        }
      }
      final ElementInstance scope = errorScopeAbove(current);
      if (scope != null && scope.type != ElementType.CALL_ACTIVITY && scope.type != ElementType.MULTI_INSTANCE_BODY) {
        final Optional<FlowNode> start = catcher(triggerStarts(node(scope)), EventType.ESCALATION, code);
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
      raiseIncident(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, result.error(), Incident.Retry.ACTIVATE, -1);
      return;
    }
    completeWithResult(instance, node, result.value());
  }

  /** Script and decision tasks finish at once, handing their result over like a job's variables. */
  private void completeWithResult(ElementInstance instance, FlowNode node, Object value) {
    transition(instance, ElementState.ACTIVATED);
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
      raiseIncident(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but no decision found for id '%s'".formatted(decisionId, decisionId),
          Incident.Retry.ACTIVATE, -1);
      return;
    }
    final Decisions.Evaluation result = decisions.evaluate(decision.get(), variables.visible(instance.key));
    write(state.nextKey(), result.intent(), result.toValue(instance));
    if (result.isFailure()) {
      raiseIncident(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but %s".formatted(decisionId, result.error()),
          Incident.Retry.ACTIVATE, -1);
      return;
    }
    completeWithResult(instance, node, result.output());
  }

  /** Broadcasts the event's signal, with the event's local variables (its input mappings). */
  private boolean throwSignal(ElementInstance instance, FlowNode node) {
    final Evaluation name = feel.evaluate(node.signalName(), variables.lookup(instance.key));
    if (name.isFailure()) {
      raiseIncident(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, name.error(), Incident.Retry.ACTIVATE, -1);
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
    transition(instance, ElementState.ACTIVATED);
    final String code = node.errorCode().orElse("");
    if (catchError(instance, code, Map.of())) {
      return;
    }
    raiseIncident(instance, Incident.ErrorType.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '%s', but it was not caught. No error events are available in the scope."
            .formatted(code),
        Incident.Retry.ACTIVATE, -1);
  }

  /** Applies event or job variables, then completes: with output mappings they stay local first. */
  private void completeWith(ElementInstance instance, Map<String, Object> completionVariables) {
    if (completionVariables != null && !completionVariables.isEmpty()) {
      if (node(instance).outputs().isEmpty()) {
        variables.propagate(instance.key, completionVariables);
      } else {
        variables.setLocal(instance.key, completionVariables);
      }
    }
    runCompletion(instance);
  }

  private void runCompletion(ElementInstance instance) {
    final FlowNode node = node(instance);
    if (instance.type == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.completeBody(instance, node);
      return;
    }
    if (instance.state != ElementState.COMPLETING) {
      transition(instance, ElementState.COMPLETING);
    }
    if (instance.endListenersDone == 0 && !applyOutputMappings(instance, node)) {
      return;
    }
    if (awaitsListener(instance, node, Listener.END)) {
      return;
    }
    if (isInnerInstance(instance)) {
      multiInstances.innerCompleted(instance, node);
      return;
    }
    final Optional<List<SequenceFlow>> flows = outgoingFlows(instance, node);
    if (flows.isEmpty()) {
      return;
    }
    closeEventScopes(instance);
    final ElementInstance scope = flowScope(instance);
    transition(instance, ElementState.COMPLETED); // a terminate end event's discards the scope's join tokens
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

  /** Opens the message, timer and signal triggers of the event subprocesses directly inside a scope. */
  private boolean openEventSubProcesses(ElementInstance scope, FlowNode container) {
    for (final FlowNode eventSubProcess : container.eventSubProcesses()) {
      final FlowNode start = eventSubProcess.triggerStartEvent();
      if (start.eventType() != EventType.ERROR && start.eventType() != EventType.ESCALATION && !openEvent(scope, start)) {
        return false;
      }
    }
    return true;
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
      final java.util.Set<String> triggers = new java.util.HashSet<>();
      node(scope).eventSubProcesses().forEach(esp -> triggers.add(esp.triggerStartEvent().id()));
      state.subscriptionsOf(scope.key).stream().filter(sub -> triggers.contains(sub.catchElementId))
          .forEach(sub -> closeSubscription(scope, sub));
      state.timersOf(scope.key).stream().filter(timer -> triggers.contains(timer.catchElementId))
          .forEach(this::cancelTimer);
    }
    final ElementInstance instance = newInstance(eventSubProcess, scope, eventSubProcess.type());
    if (!applyInputMappings(instance, eventSubProcess)) {
      return;
    }
    transition(instance, ElementState.ACTIVATED);
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
    final FlowNode target = process(scope).element(flow.targetId());
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
    final ExecutableProcess process = process(scope);
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
    transition(scope, ElementState.COMPLETING);
    closeEventScopes(scope);
    finishProcessInstance(scope);
  }

  /** A process instance whose last element completed: after its end listeners, it is done. */
  private void finishProcessInstance(ElementInstance root) {
    if (awaitsListener(root, node(root), Listener.END)) {
      return;
    }
    final Map<String, Object> result = variables.visible(root.key);
    effects.completedInstances.put(root.key, result);
    transition(root, ElementState.COMPLETED);
    if (root.messageStartCorrelationKey != null) {
      messageStartedInstanceEnded.accept(root);
    }
    if (root.parentElementInstanceKey >= 0) {
      returnToCaller(root, result);
    }
  }

  /** Terminates an instance and everything inside it; the caller decides what follows. */
  void terminate(ElementInstance instance) {
    if (instance == null || instance.state.isFinal()) {
      return;
    }
    transition(instance, ElementState.TERMINATING);
    List.copyOf(instance.children).forEach(child -> terminate(state.elementInstances.get(child)));
    if (instance.calledProcessInstanceKey >= 0) {
      terminate(state.elementInstances.get(instance.calledProcessInstanceKey));
    }
    inFlight.discard(instance.key);
    closeEventScopes(instance);
    cancelJob(instance);
    if (instance.type == ElementType.USER_TASK) {
      userTasks.cancel(instance, node(instance));
    }
    resolveIncidentsOf(instance);
    transition(instance, ElementState.TERMINATED);
    if (instance.isRoot()) {
      effects.terminatedInstances.add(instance.key);
    }
    if (instance.isRoot() && instance.messageStartCorrelationKey != null) {
      messageStartedInstanceEnded.accept(instance);
    }
  }

  private void triggerBoundary(ElementInstance activity, FlowNode boundary, Map<String, Object> eventVariables) {
    final ElementInstance scope = flowScope(activity);
    if (boundary.isInterrupting()) {
      terminate(activity);
    }
    final ElementInstance instance = activate(boundary, scope);
    if (instance != null) {
      completeWith(instance, eventVariables);
    }
  }

  /** Moves an instance on in its lifecycle; the applier changes its state (and, once it ended, removes it). */
  void transition(ElementInstance instance, ElementState next) {
    write(instance.key, next.intent(), instance.toValue());
  }

  void runFollowUps() {
    Runnable next;
    while ((next = followUps.poll()) != null) {
      next.run();
    }
  }

  // ---- variables ------------------------------------------------------------------------

  /**
   * Input mappings write local variables of the element. They read from the element's scope,
   * which before the mappings holds nothing of its own except, for an inner multi-instance
   * instance, its input element and loop counter.
   */
  private boolean applyInputMappings(ElementInstance instance, FlowNode node) {
    return evaluateMappings(instance, node.inputs(), instance.key, Incident.Retry.ACTIVATE)
        .map(locals -> {
          variables.setLocal(instance.key, locals);
          return true;
        })
        .orElse(false);
  }

  /** Output mappings read the element's scope and propagate to the flow scope. */
  private boolean applyOutputMappings(ElementInstance instance, FlowNode node) {
    return evaluateMappings(instance, node.outputs(), instance.key, Incident.Retry.COMPLETE)
        .map(results -> {
          variables.propagate(instance.flowScopeKey, results);
          return true;
        })
        .orElse(false);
  }

  /** The mapped values, or empty after raising an incident for the first mapping that fails. */
  private Optional<Map<String, Object>> evaluateMappings(
      ElementInstance instance, List<VariableMapping> mappings, long readScope, Incident.Retry retry) {
    final Map<String, Object> results = new LinkedHashMap<>();
    for (final VariableMapping mapping : mappings) {
      final Evaluation result = feel.evaluate(mapping.source(), variables.lookup(readScope));
      if (result.isFailure()) {
        raiseIncident(instance, Incident.ErrorType.IO_MAPPING_ERROR, result.error(), retry, -1);
        return Optional.empty();
      }
      MappingTarget.put(results, mapping.target(), result.value());
    }
    return Optional.of(results);
  }

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
        raiseIncident(instance, Incident.ErrorType.CONDITION_ERROR, result.error(), Incident.Retry.COMPLETE, -1);
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
    raiseIncident(instance, Incident.ErrorType.CONDITION_ERROR,
        "Expected at least one condition to evaluate to true, or to have a default flow, but no condition of gateway '%s' was true"
            .formatted(node.id()),
        Incident.Retry.COMPLETE, -1);
    return Optional.empty();
  }

  // ---- jobs -----------------------------------------------------------------------------

  /** A job-based element is ACTIVATED, then its job is created, as Zeebe writes them. */
  private void activateWithJob(ElementInstance instance, FlowNode node) {
    prepareJob(instance, new JobSpec(node.job().type(), node.job().retries(), node.job().headers(),
        "BPMN_ELEMENT", "UNSPECIFIED", Incident.Retry.ACTIVATE, -1)).ifPresent(job -> {
          transition(instance, ElementState.ACTIVATED);
          storeJob(instance, job);
        });
  }

  /**
   * If the element has an execution listener of this event type that has not run yet, creates its
   * job: the element waits for it.
   */
  private boolean awaitsListener(ElementInstance instance, FlowNode node, String eventType) {
    final List<Listener> listeners = node.executionListeners(eventType);
    final int done = Listener.START.equals(eventType) ? instance.startListenersDone : instance.endListenersDone;
    if (instance.type == ElementType.MULTI_INSTANCE_BODY || done >= listeners.size()) {
      return false;
    }
    final Listener listener = listeners.get(done);
    createJob(instance, new JobSpec(listener.type(), listener.retries(), Map.of(), "EXECUTION_LISTENER", eventType,
        Listener.START.equals(eventType) ? Incident.Retry.ACTIVATE : Incident.Retry.COMPLETE, -1));
    return true;
  }

  /**
   * What a job is for: its type and retries (expressions), headers, and kind of work; for a task
   * listener, its user task.
   */
  record JobSpec(Expression type, Expression retries, Map<String, String> headers, String kind,
      String listenerEventType, Incident.Retry retryOnFailure, long userTaskKey) {}

  /** Creates the job the element waits for, or raises an incident if its type or retries cannot be evaluated. */
  void createJob(ElementInstance instance, JobSpec spec) {
    prepareJob(instance, spec).ifPresent(created -> storeJob(instance, created));
  }

  /** Evaluates the job's type and retries into a job not stored yet; raises an incident if it cannot. */
  private Optional<Job> prepareJob(ElementInstance instance, JobSpec spec) {
    final Evaluation type = feel.evaluate(spec.type(), variables.lookup(instance.key));
    final Evaluation retries = feel.evaluate(spec.retries(), variables.lookup(instance.key));
    final String failure = type.isFailure() ? type.error()
        : retries.isFailure() ? retries.error()
        : !(type.value() instanceof String) ? "Expected the job type of '%s' to be a string, but was '%s'".formatted(instance.elementId, type.value())
        : asInt(retries.value()).isEmpty() ? "Expected the job retries of '%s' to be a number, but was '%s'".formatted(instance.elementId, retries.value())
        : null;
    if (failure != null) {
      raiseIncident(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, spec.retryOnFailure(), -1);
      return Optional.empty();
    }
    final Job job = new Job();
    job.key = state.nextKey();
    job.type = (String) type.value();
    job.state = Job.State.ACTIVATABLE;
    job.retries = asInt(retries.value()).orElseThrow();
    job.customHeaders = spec.headers();
    job.kind = spec.kind();
    job.listenerEventType = spec.listenerEventType();
    job.elementInstanceKey = instance.key;
    job.elementId = instance.elementId;
    job.processInstanceKey = instance.processInstanceKey;
    job.processDefinitionKey = instance.processDefinitionKey;
    job.bpmnProcessId = instance.bpmnProcessId;
    job.processDefinitionVersion = instance.version;
    job.tenantId = instance.tenantId;
    job.userTaskKey = spec.userTaskKey();
    return Optional.of(job);
  }

  private void storeJob(ElementInstance instance, Job job) {
    write(job.key, JobIntent.CREATED, job.toValue());
    effects.activatableJobTypes.add(job.type);
  }

  /** The element no longer waits for its job (the job's applier forgets it on the element). */
  private void cancelJob(ElementInstance instance) {
    final Job job = state.jobs.get(instance.jobKey);
    if (job != null) {
      write(job.key, JobIntent.CANCELED, job.toValue());
    }
  }

  private static Optional<Integer> asInt(Object value) {
    if (value instanceof Number number) {
      return Optional.of(number.intValue());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(new BigDecimal(text.strip()).intValueExact());
      } catch (ArithmeticException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  // ---- events: subscriptions and timers -------------------------------------------------

  boolean openBoundaryEvents(ElementInstance activity, FlowNode node) {
    if (isInnerInstance(activity)) {
      return true; // a multi-instance activity's boundary events are on its body
    }
    closeEventScopes(activity);
    for (final FlowNode boundary : node.boundaryEvents()) {
      if (boundary.eventType() != EventType.ERROR && boundary.eventType() != EventType.ESCALATION
          && !openEvent(activity, boundary)) {
        return false;
      }
    }
    return true;
  }

  private boolean openCatchEvent(ElementInstance instance, FlowNode node) {
    return openEvent(instance, node);
  }

  /** The gateway instance waits for every event behind it; the first to happen wins. */
  private boolean openGatewayEvents(ElementInstance gateway, FlowNode node) {
    closeEventScopes(gateway);
    for (final SequenceFlow flow : node.outgoing()) {
      if (!openEvent(gateway, process(gateway).element(flow.targetId()))) {
        return false;
      }
    }
    return true;
  }

  /** Opens the subscription or timer of a catch or boundary event on the waiting instance. */
  private boolean openEvent(ElementInstance waiting, FlowNode event) {
    return switch (event.eventType()) {
      case MESSAGE -> openMessageSubscription(waiting, event);
      case SIGNAL -> openSignalSubscription(waiting, event);
      case TIMER -> scheduleTimer(waiting, event);
      default -> true;
    };
  }

  private boolean openMessageSubscription(ElementInstance waiting, FlowNode event) {
    final Evaluation name = feel.evaluate(event.message().name(), variables.lookup(waiting.key));
    final Evaluation key = event.message().correlationKey()
        .map(expression -> feel.evaluate(expression, variables.lookup(waiting.key)))
        .orElse(new Evaluation(null, "no correlation key"));
    final String failure = name.isFailure() ? name.error()
        : key.isFailure() ? key.error()
        : !(key.value() instanceof String || key.value() instanceof Number)
            ? "Failed to extract the correlation key for '%s': The value must be either a string or a number, but was '%s'."
                .formatted(event.message().correlationKey().map(Expression::source).orElse(""), key.value())
        : null;
    if (failure != null) {
      raiseIncident(waiting, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, Incident.Retry.ACTIVATE, -1);
      return false;
    }
    final Subscription subscription = subscription(waiting, event, Subscription.Kind.MESSAGE, String.valueOf(name.value()));
    subscription.correlationKey = String.valueOf(key.value());
    write(subscription.key, ProcessMessageSubscriptionIntent.CREATED, subscription.toValue(waiting, -1, Map.of()));
    return true;
  }

  private boolean openSignalSubscription(ElementInstance waiting, FlowNode event) {
    final Evaluation name = feel.evaluate(event.signalName(), variables.lookup(waiting.key));
    if (name.isFailure()) {
      raiseIncident(waiting, Incident.ErrorType.EXTRACT_VALUE_ERROR, name.error(), Incident.Retry.ACTIVATE, -1);
      return false;
    }
    final Subscription subscription = subscription(waiting, event, Subscription.Kind.SIGNAL, String.valueOf(name.value()));
    write(subscription.key, SignalSubscriptionIntent.CREATED, subscription.toSignalValue(waiting));
    return true;
  }

  private Subscription subscription(ElementInstance waiting, FlowNode event, Subscription.Kind kind, String name) {
    final Subscription subscription = new Subscription();
    subscription.key = state.nextKey();
    subscription.kind = kind;
    subscription.name = name;
    subscription.elementInstanceKey = waiting.key;
    subscription.catchElementId = event.id();
    subscription.processInstanceKey = waiting.processInstanceKey;
    subscription.tenantId = waiting.tenantId;
    subscription.interrupting = event.isInterrupting();
    return subscription;
  }

  private boolean scheduleTimer(ElementInstance waiting, FlowNode event) {
    final Optional<TimerSchedule> schedule = timerSchedule(event, variables.lookup(waiting.key), waiting);
    if (schedule.isEmpty()) {
      return false;
    }
    write(state.nextKey(), TimerIntent.CREATED, new TimerValue(event.id(), schedule.get().dueDate(),
        schedule.get().repetitions(), schedule.get().intervalMillis(), waiting.key, waiting.processInstanceKey,
        waiting.processDefinitionKey, waiting.tenantId));
    return true;
  }

  /** Computes a timer's schedule; raises an incident on the waiting instance if it cannot. */
  Optional<TimerSchedule> timerSchedule(FlowNode event, ExpressionLanguage.VariableLookup lookup, ElementInstance incidentTarget) {
    final Evaluation value = feel.evaluate(event.timer().expression(), lookup);
    String failure = value.error();
    if (failure == null) {
      try {
        return Optional.of(TimerSchedule.of(event.timer().kind(), value.value(), now));
      } catch (RuntimeException e) {
        failure = "Invalid timer %s '%s' of '%s': %s".formatted(
            event.timer().kind().name().toLowerCase(), value.value(), event.id(), e.getMessage());
      }
    }
    if (incidentTarget != null) {
      raiseIncident(incidentTarget, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, Incident.Retry.ACTIVATE, -1);
    }
    return Optional.empty();
  }

  private void reschedule(Timer fired) {
    final TimerSchedule next = TimerSchedule.next(new TimerSchedule(fired.dueDate, fired.repetitions, fired.intervalMillis));
    if (next == null) {
      return;
    }
    write(state.nextKey(), TimerIntent.CREATED, new TimerValue(fired.catchElementId, next.dueDate(),
        next.repetitions(), next.intervalMillis(), fired.elementInstanceKey, fired.processInstanceKey,
        fired.processDefinitionKey, fired.tenantId));
  }

  /** Schedules the timer start events of a newly deployed latest version. */
  public void scheduleStartTimers(ProcessDefinition definition) {
    final ExecutableProcess process = processes.get(definition);
    for (final FlowNode start : process.startEvents()) {
      if (start.eventType() != EventType.TIMER) {
        continue;
      }
      timerSchedule(start, ExpressionLanguage.VariableLookup.of(Map.of()), null).ifPresent(schedule ->
          write(state.nextKey(), TimerIntent.CREATED, new TimerValue(start.id(), schedule.dueDate(),
              schedule.repetitions(), schedule.intervalMillis(), -1, -1, definition.key, definition.tenantId)));
    }
  }

  private void startByTimer(Timer timer) {
    state.definition(timer.processDefinitionKey).ifPresent(definition -> {
      reschedule(timer);
      createProcessInstance(definition, Map.of(), processes.get(definition).element(timer.catchElementId), Map.of());
    });
  }

  void closeEventScopes(ElementInstance instance) {
    state.subscriptionsOf(instance.key).forEach(subscription -> closeSubscription(instance, subscription));
    state.timersOf(instance.key).forEach(this::cancelTimer);
  }

  /** Cancels a timer that may no longer fire. */
  public void cancelTimer(Timer timer) {
    write(timer.key, TimerIntent.CANCELED, timer.toValue());
  }

  /** The instance no longer waits for what the subscription waits for. */
  private void closeSubscription(ElementInstance waiting, Subscription subscription) {
    if (subscription.kind == Subscription.Kind.MESSAGE) {
      write(subscription.key, ProcessMessageSubscriptionIntent.DELETED, subscription.toValue(waiting, -1, Map.of()));
    } else {
      write(subscription.key, SignalSubscriptionIntent.DELETED, subscription.toSignalValue(waiting));
    }
  }

  /**
   * Claims a message for a subscription's process if it may still reach it ({@link
   * MessageCardinality}): from then on it reaches no other instance of that process.
   */
  public boolean claim(Message message, Subscription subscription) {
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null || !messageCardinality.mayReach(message, waiting.bpmnProcessId)) {
      return false;
    }
    write(subscription.key, ProcessMessageSubscriptionIntent.CORRELATING,
        subscription.toValue(waiting, message.key, message.variables));
    return true;
  }

  private void correlateBufferedMessage(ElementInstance instance) {
    for (final Subscription subscription : state.subscriptionsOf(instance.key)) {
      if (subscription.kind != Subscription.Kind.MESSAGE) {
        continue;
      }
      final Optional<Message> buffered = messageCardinality.buffered(subscription, now).filter(m -> claim(m, subscription));
      if (buffered.isPresent()) {
        final Message message = buffered.get();
        followUps.add(() -> correlate(subscription, message.key, message.variables));
        return;
      }
    }
  }

  private void resolveIncidentsOf(ElementInstance instance) {
    state.incidents.values().stream().filter(incident -> incident.elementInstanceKey == instance.key).toList()
        .forEach(incident -> write(incident.key, IncidentIntent.RESOLVED, incident.toValue()));
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
    return flowScope(instance);
  }

  /** An inner instance of a multi-instance activity: its scope is the activity's body. */
  boolean isInnerInstance(ElementInstance instance) {
    final ElementInstance scope = flowScope(instance);
    return scope != null && scope.type == ElementType.MULTI_INSTANCE_BODY && instance.type != ElementType.MULTI_INSTANCE_BODY;
  }

  ElementInstance flowScope(ElementInstance instance) {
    return instance.flowScopeKey < 0 ? null : state.elementInstances.get(instance.flowScopeKey);
  }

  private ExecutableProcess process(ElementInstance instance) {
    return processes.get(state.definition(instance.processDefinitionKey).orElseThrow());
  }

  UserTaskDefinition userTaskDefinition(ElementInstance instance) {
    return node(instance).userTask();
  }

  private FlowNode node(ElementInstance instance) {
    final ExecutableProcess process = process(instance);
    return instance.type == ElementType.PROCESS ? process.processElement() : process.element(instance.elementId);
  }
}
