package io.learnops.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.feel.Expression;
import io.learnops.engine.feel.ExpressionLanguage.ParseOutcome;
import io.learnops.engine.feel.ExpressionLanguage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code zeebe:} extensions of one element (job definition and headers, user task
 * attributes and task listeners, execution listeners, input and output mappings) and its event
 * definitions (messages, timers) into the executable model, reporting each problem with the
 * element's id. {@link BpmnTransformer} walks the elements; this class reads what hangs on them.
 */
final class ZeebeExtensions {

  private static final String UNSUPPORTED = "the element type '%s' is not supported by the LearnOps engine yet";

  private final ExpressionLanguage expressions;
  private final List<String> errors;

  ZeebeExtensions(ExpressionLanguage expressions, List<String> errors) {
    this.expressions = expressions;
    this.errors = errors;
  }

  EventType eventType(EventDefinition definition) {
    if (definition == null) {
    return EventType.NONE;
    }
    if (definition instanceof MessageEventDefinition) {
    return EventType.MESSAGE;
    }
    if (definition instanceof TimerEventDefinition) {
    return EventType.TIMER;
    }
    if (definition instanceof SignalEventDefinition) {
    return EventType.SIGNAL;
    }
    if (definition instanceof ErrorEventDefinition) {
    return EventType.ERROR;
    }
    if (definition instanceof TerminateEventDefinition) {
    return EventType.TERMINATE;
    }
    if (definition instanceof LinkEventDefinition) {
    return EventType.LINK;
    }
    if (definition instanceof EscalationEventDefinition) {
    return EventType.ESCALATION;
    }
    return null;
  }

  MessageDefinition messageDefinition(FlowElement element, io.camunda.zeebe.model.bpmn.instance.Message message, boolean needsKey) {
    if (message.getName() == null || message.getName().isBlank()) {
    error(element, "the referenced message has no name");
    return null;
    }
    final Expression name = expression(element, message.getName(), "message name");
    Optional<Expression> key = Optional.empty();
    final ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    if (subscription != null && subscription.getCorrelationKey() != null) {
    key = Optional.ofNullable(expression(element, subscription.getCorrelationKey(), "correlation key"));
    } else if (needsKey) {
    error(element, "the message '%s' must have a correlation key (zeebe:subscription correlationKey)".formatted(message.getName()));
    }
    return new MessageDefinition(name, key);
  }

  TimerDefinition timerDefinition(FlowElement element, TimerEventDefinition timer) {
    if (timer.getTimeDuration() != null) {
    return timer(element, TimerDefinition.Kind.DURATION, timer.getTimeDuration().getTextContent());
    }
    if (timer.getTimeDate() != null) {
    return timer(element, TimerDefinition.Kind.DATE, timer.getTimeDate().getTextContent());
    }
    if (timer.getTimeCycle() != null) {
    return timer(element, TimerDefinition.Kind.CYCLE, timer.getTimeCycle().getTextContent());
    }
    error(element, "a timer event needs a timeDuration, timeDate or timeCycle");
    return null;
  }

  /** A literal timer is checked now: a typo must fail the deployment, not a run weeks later. */
  TimerDefinition timer(FlowElement element, TimerDefinition.Kind kind, String text) {
    final String what = "timer " + kind.name().toLowerCase();
    final Expression expression = expression(element, text, what);
    if (expression != null && expression.isStatic()) {
    try {
      TimerSchedule.of(kind, expression.staticValue(), 0);
    } catch (RuntimeException e) {
      error(element, "%s '%s' is not valid ISO 8601: %s".formatted(what, expression.staticValue(), e.getMessage()));
    }
    }
    return new TimerDefinition(kind, expression);
  }

  JobDefinition jobDefinition(FlowElement element) {
    final ZeebeTaskDefinition definition = ((BaseElement) element).getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
    error(element, "a %s needs a job type (zeebe:taskDefinition type)".formatted(element.getElementType().getTypeName()));
    return null;
    }
    final String retries = definition.getRetries() == null ? "3" : definition.getRetries();
    return new JobDefinition(
      expression(element, definition.getType(), "job type"),
      expression(element, retries, "job retries"),
      headers((BaseElement) element));
  }

  static Map<String, String> headers(BaseElement element) {
    final Map<String, String> headers = new LinkedHashMap<>();
    final ZeebeTaskHeaders taskHeaders = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
    for (final ZeebeHeader header : taskHeaders.getHeaders()) {
      headers.put(header.getKey(), header.getValue());
    }
    }
    return Map.copyOf(headers);
  }

  /** A user task must be a Camunda user task: job-worker user tasks are not supported. */
  UserTaskDefinition userTaskDefinition(FlowElement element) {
    final BaseElement task = (BaseElement) element;
    if (task.getSingleExtensionElement(ZeebeUserTask.class) == null) {
    error(element, "a user task must be a Camunda user task (zeebe:userTask); job-worker user tasks are not supported "
        + "by the LearnOps engine");
    }
    final ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    final ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    final ZeebePriorityDefinition priority = task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    final ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null && form.getBindingType() == ZeebeBindingType.versionTag) {
    unsupported(element, "a form with bindingType versionTag");
    }
    final Optional<String> externalReference = form == null ? Optional.empty()
      : Optional.ofNullable(form.getExternalReference()).or(() -> Optional.ofNullable(form.getFormKey()))
          .filter(text -> !text.isBlank());
    final Optional<Expression> priorityExpression = optionalExpression(element,
      priority == null ? null : priority.getPriority(), "priority");
    priorityExpression.filter(Expression::isStatic).ifPresent(p -> checkPriority(element, String.valueOf(p.staticValue())));
    return new UserTaskDefinition(
      optionalExpression(element, assignment == null ? null : assignment.getAssignee(), "assignee"),
      optionalExpression(element, assignment == null ? null : assignment.getCandidateGroups(), "candidate groups"),
      optionalExpression(element, assignment == null ? null : assignment.getCandidateUsers(), "candidate users"),
      optionalExpression(element, schedule == null ? null : schedule.getDueDate(), "due date"),
      optionalExpression(element, schedule == null ? null : schedule.getFollowUpDate(), "follow-up date"),
      priorityExpression,
      form == null ? Optional.empty() : Optional.ofNullable(form.getFormId()).filter(text -> !text.isBlank()),
      form != null && form.getBindingType() == ZeebeBindingType.deployment,
      externalReference.map(text -> expression(element, text, "form reference")),
      headers(task),
      taskListeners(element));
  }

  void checkPriority(FlowElement element, String value) {
    try {
    final int number = Integer.parseInt(value.strip());
    if (number < 0 || number > 100) {
      error(element, "priority must be between 0 and 100, but was " + number);
    }
    } catch (NumberFormatException e) {
    error(element, "priority must be a number between 0 and 100, but was '%s'".formatted(value));
    }
  }

  List<Listener> taskListeners(FlowElement element) {
    final ZeebeTaskListeners listeners = ((BaseElement) element).getSingleExtensionElement(ZeebeTaskListeners.class);
    if (listeners == null) {
    return List.of();
    }
    return listeners.getTaskListeners().stream()
      .map(l -> listener(element, taskListenerEventType(l.getEventType().name()), l.getType(), l.getRetries()))
      .flatMap(Optional::stream)
      .toList();
  }

  /** Zeebe's model still accepts the event names of 8.6 ({@code create}, {@code assignment}, …). */
  static String taskListenerEventType(String name) {
    return switch (name) {
    case "create" -> "CREATING";
    case "assignment" -> "ASSIGNING";
    case "update" -> "UPDATING";
    case "complete" -> "COMPLETING";
    case "cancel" -> "CANCELING";
    default -> name.toUpperCase(java.util.Locale.ROOT);
    };
  }

  void readExecutionListeners(BaseElement element, FlowNode node) {
    final ZeebeExecutionListeners listeners = element.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (listeners == null) {
    return;
    }
    listeners.getExecutionListeners().forEach(l -> listener(element, l.getEventType().name().toUpperCase(java.util.Locale.ROOT),
      l.getType(), l.getRetries()).ifPresent(node.executionListeners::add));
  }

  Optional<Listener> listener(BaseElement element, String eventType, String type, String retries) {
    if (type == null || type.isBlank()) {
    error(element, "a %s listener needs a job type".formatted(eventType.toLowerCase(java.util.Locale.ROOT)));
    return Optional.empty();
    }
    return Optional.of(new Listener(eventType, expression(element, type, "listener job type"),
      expression(element, retries == null || retries.isBlank() ? "3" : retries, "listener retries")));
  }

  Optional<Expression> optionalExpression(FlowElement element, String text, String what) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(expression(element, text, what));
  }

  void readIoMappings(Activity activity, FlowNode node) {
    final ZeebeIoMapping mapping = activity.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
    return;
    }
    mapping.getInputs().forEach(input -> node.inputs.add(mapping(activity, input.getSource(), input.getTarget())));
    mapping.getOutputs().forEach(output -> node.outputs.add(mapping(activity, output.getSource(), output.getTarget())));
  }

  void readOutputMappingsOfEvent(FlowElement event, FlowNode node) {
    final ZeebeIoMapping mapping = ((BaseElement) event).getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
    return;
    }
    mapping.getInputs().forEach(input -> node.inputs.add(mapping(event, input.getSource(), input.getTarget())));
    mapping.getOutputs().forEach(output -> node.outputs.add(mapping(event, output.getSource(), output.getTarget())));
  }

  /**
   * Each dot of a target nests the value one level deeper in the variable it writes, so a target
   * has no more parts than a client's variables may nest: the state can then write every
   * variable back, however deep the mapped value itself nests within its own limit.
   */
  VariableMapping mapping(FlowElement element, String source, String target) {
    final int parts = target == null ? 0 : target.split("\\.", -1).length;
    if (parts > JsonVariables.MAX_NESTING) {
    error(element, "Expected the mapping target '%s' to have at most %d parts, but it has %d"
        .formatted(target.substring(0, Math.min(target.length(), 100)) + (target.length() > 100 ? "…" : ""),
            JsonVariables.MAX_NESTING, parts));
    }
    return new VariableMapping(mappingSource(element, source), target);
  }

  /**
   * A mapping source with a leading '=' is FEEL; without one it is a string literal, as in Zeebe
   * (connector templates write URLs, methods and {@code {{secrets.X}}} placeholders that way).
   */
  Expression mappingSource(FlowElement element, String source) {
    final ParseOutcome outcome = source == null ? expressions.parseFeel("null") : expressions.parse(source);
    if (!outcome.isValid()) {
    error(element, outcome.error());
    }
    return outcome.expression();
  }

  Expression expression(BaseElement element, String text, String what) {
    final ParseOutcome outcome = expressions.parse(text);
    if (!outcome.isValid()) {
    error(element, "%s: %s".formatted(what, outcome.error()));
    }
    return outcome.expression();
  }

  void unsupported(FlowElement element, String what) {
    error(element, UNSUPPORTED.formatted(what));
  }

  void error(BaseElement element, String message) {
    errors.add("element '%s': %s".formatted(element.getId(), message));
  }
}
