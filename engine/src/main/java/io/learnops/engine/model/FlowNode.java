package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An executable BPMN element: its type, its event definition if it is an event, its outgoing
 * flows and the Zeebe extensions the engine honours. Built once per deployed process by {@link
 * BpmnTransformer}; immutable after that.
 */
public final class FlowNode {

  private final String id;
  private final String name;
  private final ElementType type;
  private final EventType eventType;
  final List<SequenceFlow> incoming = new ArrayList<>();
  final List<SequenceFlow> outgoing = new ArrayList<>();
  final List<FlowNode> boundaryEvents = new ArrayList<>();
  final List<VariableMapping> inputs = new ArrayList<>();
  final List<VariableMapping> outputs = new ArrayList<>();
  SequenceFlow defaultFlow;
  JobDefinition job;
  MessageDefinition message;
  TimerDefinition timer;
  Expression signalName;
  String errorCode;
  boolean interrupting = true;
  FlowNode attachedTo;
  /** the embedded subprocess this element is in; null for elements of the process itself */
  FlowNode flowScope;
  /** for an embedded subprocess: where its inner flow starts */
  FlowNode noneStartEvent;
  /** {@code zeebe:script}: a FEEL expression computed by the engine instead of a job worker */
  Expression script;
  /** {@code zeebe:calledDecision}: a decision the engine evaluates instead of a job worker */
  String calledDecisionId;
  /** where a script's or called decision's result goes */
  String resultVariable;
  /** for a link throw event: the link catch event it continues at */
  FlowNode linkTarget;
  String linkName;
  /** for the process and embedded subprocesses: the event subprocesses directly inside */
  final List<FlowNode> eventSubProcesses = new ArrayList<>();
  MultiInstance multiInstance;
  /** {@code zeebe:calledElement} of a call activity */
  CalledElement calledElement;
  /** {@code zeebe:userTask} with its assignment, schedule, form and task listeners */
  UserTaskDefinition userTask;
  /** {@code zeebe:executionListeners}, in model order */
  final List<Listener> executionListeners = new ArrayList<>();
  /** for escalation events: the code thrown or caught (null: catch all) */
  String escalationCode;

  FlowNode(String id, String name, ElementType type, EventType eventType) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.eventType = eventType;
  }

  public String id() {
    return id;
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public ElementType type() {
    return type;
  }

  public EventType eventType() {
    return eventType;
  }

  public List<SequenceFlow> incoming() {
    return incoming;
  }

  public List<SequenceFlow> outgoing() {
    return outgoing;
  }

  public List<FlowNode> boundaryEvents() {
    return boundaryEvents;
  }

  public List<VariableMapping> inputs() {
    return inputs;
  }

  public List<VariableMapping> outputs() {
    return outputs;
  }

  public Optional<SequenceFlow> defaultFlow() {
    return Optional.ofNullable(defaultFlow);
  }

  public JobDefinition job() {
    return job;
  }

  public MessageDefinition message() {
    return message;
  }

  public TimerDefinition timer() {
    return timer;
  }

  public Expression signalName() {
    return signalName;
  }

  /** The error code caught or thrown; empty for a catch-all error boundary event. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** For boundary events: whether triggering cancels the activity ({@code cancelActivity}). */
  public boolean isInterrupting() {
    return interrupting;
  }

  public FlowNode attachedTo() {
    return attachedTo;
  }

  public Optional<FlowNode> flowScope() {
    return Optional.ofNullable(flowScope);
  }

  public Optional<Expression> script() {
    return Optional.ofNullable(script);
  }

  public Optional<String> calledDecisionId() {
    return Optional.ofNullable(calledDecisionId);
  }

  public String resultVariable() {
    return resultVariable;
  }

  public List<FlowNode> eventSubProcesses() {
    return eventSubProcesses;
  }

  /** The start event of an event subprocess: what triggers it, and whether it interrupts its scope. */
  public FlowNode triggerStartEvent() {
    return noneStartEvent;
  }

  public Optional<MultiInstance> multiInstance() {
    return Optional.ofNullable(multiInstance);
  }

  public CalledElement calledElement() {
    return calledElement;
  }

  public UserTaskDefinition userTask() {
    return userTask;
  }

  /** The execution listeners of one event type ({@code START} or {@code END}), in model order. */
  public List<Listener> executionListeners(String eventType) {
    return executionListeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }

  /** The escalation code thrown or caught; empty for a catch-all escalation event. */
  public Optional<String> escalationCode() {
    return Optional.ofNullable(escalationCode);
  }

  public FlowNode linkTarget() {
    return linkTarget;
  }

  /** Elements that create a job for a worker: job tasks and message throw events. */
  public boolean isJobBased() {
    return job != null && script == null && calledDecisionId == null;
  }

  public FlowNode noneStartEvent() {
    return noneStartEvent;
  }

  @Override
  public String toString() {
    return type + "[" + id + "]";
  }
}
