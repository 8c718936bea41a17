package io.learnops.engine.bpmn;

import io.learnops.engine.bpmn.behavior.Catchers;
import io.learnops.engine.bpmn.behavior.CommandTime;
import io.learnops.engine.bpmn.behavior.EndedInstances;
import io.learnops.engine.bpmn.behavior.ErrorPropagation;
import io.learnops.engine.bpmn.behavior.EscalationPropagation;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.ExecutionListeners;
import io.learnops.engine.bpmn.behavior.FlowsInFlight;
import io.learnops.engine.bpmn.behavior.FollowUps;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.JobBehavior;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.Timers;
import io.learnops.engine.bpmn.behavior.UserTaskAttributes;
import io.learnops.engine.bpmn.behavior.UserTaskBehavior;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.bpmn.behavior.VariableMappings;
import io.learnops.engine.bpmn.container.CallActivityProcessor;
import io.learnops.engine.bpmn.container.EventSubProcessProcessor;
import io.learnops.engine.bpmn.container.MultiInstanceBodyProcessor;
import io.learnops.engine.bpmn.container.ProcessInstanceCreation;
import io.learnops.engine.bpmn.container.ProcessProcessor;
import io.learnops.engine.bpmn.container.SubProcessProcessor;
import io.learnops.engine.bpmn.event.BoundaryEventProcessor;
import io.learnops.engine.bpmn.event.CatchEventTriggers;
import io.learnops.engine.bpmn.event.EndEventProcessor;
import io.learnops.engine.bpmn.event.IntermediateCatchEventProcessor;
import io.learnops.engine.bpmn.event.IntermediateThrowEventProcessor;
import io.learnops.engine.bpmn.event.SignalBroadcast;
import io.learnops.engine.bpmn.event.StartEventProcessor;
import io.learnops.engine.bpmn.event.ThrowEventBehavior;
import io.learnops.engine.bpmn.gateway.ConditionalFlows;
import io.learnops.engine.bpmn.gateway.ConditionalGatewayProcessor;
import io.learnops.engine.bpmn.gateway.EventBasedGatewayProcessor;
import io.learnops.engine.bpmn.task.BusinessRuleTaskProcessor;
import io.learnops.engine.bpmn.task.JobWorkerTaskProcessor;
import io.learnops.engine.bpmn.task.ReceiveTaskProcessor;
import io.learnops.engine.bpmn.task.ResultVariable;
import io.learnops.engine.bpmn.task.ScriptTaskProcessor;
import io.learnops.engine.bpmn.task.UserTaskElementProcessor;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the command handlers enter BPMN processing. Each entry point starts or continues element
 * instances and runs the work that follows within the command ({@link FollowUps}) to the end, so
 * that when it returns the instances are at their next wait states.
 *
 * <p>The BPMN semantics are not here. The constructor puts them together: the shared behaviours
 * ({@code bpmn.behavior}), the {@link ElementLifecycle} that runs every element's steps, and one
 * processor per element family, registered by element type — the list below is where to find the
 * class that does what a BPMN element does.
 */
public final class BpmnExecutor {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final RecordWriter records;
  private final CommandTime time = new CommandTime();
  private final FollowUps followUps = new FollowUps();
  private final FlowsInFlight inFlight = new FlowsInFlight();
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final Timers timers;
  private final EventSubscriptions subscriptions;
  private final EndedInstances ended;
  private final ElementLifecycle lifecycle;
  private final UserTaskBehavior userTasks;
  private final ProcessInstanceCreation creation;
  private final CatchEventTriggers triggers;
  private final SignalBroadcast signals;
  private final ErrorPropagation errors;

  public BpmnExecutor(EngineState state, ExpressionLanguage feel, ProcessCache processes, Decisions decisions,
      Effects effects, RecordWriter records) {
    this.state = state;
    this.feel = feel;
    this.records = records;
    this.variables = new VariableBehavior(state, records);
    final InstanceNavigation navigation = new InstanceNavigation(state, processes);
    final StateTransitions transitions = new StateTransitions(state, records);
    this.incidents = new IncidentBehavior(state, records);
    final VariableMappings mappings = new VariableMappings(feel, variables, incidents);
    final JobBehavior jobs = new JobBehavior(state, feel, variables, incidents, transitions, records, effects);
    final ExecutionListeners listeners = new ExecutionListeners(jobs);
    this.timers = new Timers(state, feel, variables, incidents, records, processes, time);
    this.subscriptions = new EventSubscriptions(state, feel, variables, incidents, records, navigation, timers,
        new MessageCardinality(state), time, followUps);
    this.ended = new EndedInstances(effects);
    final ElementProcessors processors = new ElementProcessors();
    this.lifecycle = new ElementLifecycle(processors, state, navigation, transitions, variables, mappings, listeners,
        subscriptions, jobs, incidents, inFlight, ended);
    final SequenceFlows flows = new SequenceFlows(state, lifecycle, navigation, transitions, subscriptions, records,
        inFlight, followUps);
    this.userTasks = new UserTaskBehavior(lifecycle, state, new UserTaskAttributes(state, feel, variables), effects,
        records, incidents, transitions, jobs, navigation, time, followUps);
    this.creation = new ProcessInstanceCreation(state, processes, records, variables, listeners, subscriptions,
        transitions, lifecycle, followUps);

    final CallActivityProcessor callActivities = new CallActivityProcessor(state, feel, processes, lifecycle, creation,
        navigation, transitions, variables, incidents, subscriptions, flows);
    final EventSubProcessProcessor eventSubProcesses =
        new EventSubProcessProcessor(lifecycle, navigation, transitions, mappings, subscriptions, flows);
    final BoundaryEventProcessor boundaryEvents = new BoundaryEventProcessor(lifecycle, navigation, transitions, flows);
    final EventBasedGatewayProcessor eventBasedGateways = new EventBasedGatewayProcessor(lifecycle, navigation,
        transitions, subscriptions, records, followUps, flows);
    this.triggers = new CatchEventTriggers(state, navigation, subscriptions, timers, records, followUps, processes,
        lifecycle, boundaryEvents, eventSubProcesses, eventBasedGateways, creation);
    this.signals = new SignalBroadcast(state, feel, variables, incidents, records, processes, triggers, creation);
    final Catchers catchers = new Catchers(state, navigation, boundaryEvents, eventSubProcesses);
    this.errors = new ErrorPropagation(catchers);
    final ThrowEventBehavior throwing = new ThrowEventBehavior(lifecycle, transitions, jobs, signals,
        new EscalationPropagation(catchers, records));
    final ConditionalFlows conditions = new ConditionalFlows(feel, variables, incidents);
    final JobWorkerTaskProcessor jobWorkerTasks = new JobWorkerTaskProcessor(subscriptions, jobs, flows);
    final ResultVariable result = new ResultVariable(lifecycle, transitions);

    processors.register(new ProcessProcessor(lifecycle, creation, navigation, transitions, subscriptions, variables,
        flows, ended, callActivities), ElementType.PROCESS);
    processors.register(new SubProcessProcessor(lifecycle, transitions, subscriptions, flows), ElementType.SUB_PROCESS);
    processors.register(eventSubProcesses, ElementType.EVENT_SUB_PROCESS);
    processors.register(callActivities, ElementType.CALL_ACTIVITY);
    processors.register(new MultiInstanceBodyProcessor(state, feel, variables, incidents, transitions, subscriptions,
        navigation, lifecycle, flows), ElementType.MULTI_INSTANCE_BODY);
    processors.register(jobWorkerTasks, ElementType.SERVICE_TASK, ElementType.SEND_TASK);
    processors.register(new ScriptTaskProcessor(feel, variables, incidents, result, jobWorkerTasks),
        ElementType.SCRIPT_TASK);
    processors.register(new BusinessRuleTaskProcessor(state, decisions, variables, incidents, records, result,
        jobWorkerTasks), ElementType.BUSINESS_RULE_TASK);
    processors.register(new UserTaskElementProcessor(subscriptions, userTasks, flows), ElementType.USER_TASK);
    processors.register(new ReceiveTaskProcessor(transitions, subscriptions, triggers, flows), ElementType.RECEIVE_TASK);
    processors.register(new PassingElementProcessor(lifecycle, flows), ElementType.TASK, ElementType.MANUAL_TASK,
        ElementType.PARALLEL_GATEWAY);
    processors.register(ConditionalGatewayProcessor.exclusive(lifecycle, conditions, flows),
        ElementType.EXCLUSIVE_GATEWAY);
    processors.register(ConditionalGatewayProcessor.inclusive(lifecycle, conditions, flows),
        ElementType.INCLUSIVE_GATEWAY);
    processors.register(eventBasedGateways, ElementType.EVENT_BASED_GATEWAY);
    processors.register(new StartEventProcessor(transitions, flows), ElementType.START_EVENT);
    processors.register(new EndEventProcessor(lifecycle, transitions, throwing, errors, incidents, flows),
        ElementType.END_EVENT);
    processors.register(new IntermediateCatchEventProcessor(lifecycle, transitions, subscriptions, triggers, flows),
        ElementType.INTERMEDIATE_CATCH_EVENT);
    processors.register(new IntermediateThrowEventProcessor(throwing, flows), ElementType.INTERMEDIATE_THROW_EVENT);
    processors.register(boundaryEvents, ElementType.BOUNDARY_EVENT);
  }

  public UserTaskBehavior userTasks() {
    return userTasks;
  }

  /** Told when a process instance that a correlated message started completes or is terminated. */
  public void onMessageStartedInstanceEnded(Consumer<ElementInstance> listener) {
    ended.onMessageStartedInstanceEnded(listener);
  }

  /** Sets the time of the command being processed; every date processing writes uses it. */
  public void setTime(long commandTime) {
    time.set(commandTime);
    inFlight.clear();
    records.setTime(commandTime);
    feel.setCommandTime(commandTime);
  }

  public long now() {
    return time.now();
  }

  // ---- process instances ----------------------------------------------------------------

  /** Creates an instance and runs it to its first wait states. */
  public ElementInstance createProcessInstance(ProcessDefinition definition, Map<String, Object> variablesOfInstance,
      FlowNode startEvent, Map<String, Object> eventVariables) {
    return creation.create(definition, variablesOfInstance, startEvent, eventVariables, MessageStart.NONE);
  }

  /** Creates an instance that a message started at a message start event. */
  public ElementInstance createProcessInstance(ProcessDefinition definition, FlowNode startEvent,
      Map<String, Object> eventVariables, MessageStart message) {
    return creation.create(definition, Map.of(), startEvent, eventVariables, message);
  }

  public void cancel(ElementInstance root) {
    lifecycle.terminate(root);
    followUps.runAll();
  }

  // ---- jobs -----------------------------------------------------------------------------

  /** A job worker completed the job of a task, or a user task was completed. */
  public void completeTask(ElementInstance task, Map<String, Object> jobVariables) {
    lifecycle.complete(task, jobVariables);
    followUps.runAll();
  }

  /** An execution listener's job completed; see {@link ElementLifecycle#continueAfterListener}. */
  public void completeExecutionListener(ElementInstance instance, String eventType, Map<String, Object> jobVariables) {
    lifecycle.continueAfterListener(instance, eventType, jobVariables);
    followUps.runAll();
  }

  /**
   * A job worker threw a BPMN error from the element; see {@link ErrorPropagation}.
   *
   * @return false if nothing catches it
   */
  public boolean throwError(ElementInstance from, String errorCode, Map<String, Object> errorVariables) {
    final boolean caught = errors.throwError(from, errorCode, errorVariables);
    if (caught) {
      followUps.runAll();
    }
    return caught;
  }

  // ---- events ---------------------------------------------------------------------------

  /** A message or signal arrived for a subscription; see {@link CatchEventTriggers#correlate}. */
  public void correlate(Subscription subscription, long messageKey, Map<String, Object> eventVariables) {
    triggers.correlate(subscription, messageKey, eventVariables);
  }

  /** Claims a message for a subscription's process; see {@link EventSubscriptions#claim}. */
  public boolean claim(Message message, Subscription subscription) {
    return subscriptions.claim(message, subscription);
  }

  public void triggerTimer(Timer timer) {
    triggers.triggerTimer(timer);
  }

  /** Schedules the timer start events of a newly deployed latest version. */
  public void scheduleStartTimers(ProcessDefinition definition) {
    timers.scheduleStartTimers(definition);
  }

  /** Cancels a timer that may no longer fire. */
  public void cancelTimer(Timer timer) {
    timers.cancel(timer);
  }

  /** A client broadcast a signal; see {@link SignalBroadcast}. */
  public void broadcastSignal(String signalName, Map<String, Object> signalVariables, String tenantId) {
    signals.broadcast(signalName, signalVariables, tenantId);
  }

  // ---- incidents and variables ----------------------------------------------------------

  /** Resolving an incident runs the step that failed again. */
  public void retry(Incident incident) {
    final ElementInstance instance = state.elementInstances.get(incident.elementInstanceKey);
    if (instance == null) {
      return;
    }
    switch (incident.retry) {
      case ACTIVATE -> lifecycle.runActivation(instance);
      case COMPLETE -> lifecycle.runCompletion(instance);
      case TASK_LISTENER -> userTasks.retryListener(instance);
      case JOB -> { }
    }
    followUps.runAll();
  }

  public void raiseIncident(ElementInstance instance, Incident.ErrorType type, String message, Incident.Retry retry,
      long jobKey) {
    incidents.raise(instance, type, message, retry, jobKey);
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

  /** Writes a record of what the command did; see {@link RecordWriter}. */
  public void write(long key, Intent intent, RecordValue value) {
    records.write(key, intent, value);
  }
}
