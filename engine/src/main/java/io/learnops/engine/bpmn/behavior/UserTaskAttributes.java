package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.feel.Expression;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.UserTaskDefinition;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Form;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.UserTask;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The attributes of a user task: candidate groups and users, due and follow-up dates, priority,
 * form and assignee. The element defines them as expressions, evaluated once when the task is
 * created; afterwards they change only by an update or a task listener's correction, which must
 * pass the same rules ({@link #invalid}) whether it comes from a client or a listener.
 */
public final class UserTaskAttributes {

  /** An attribute that could not be evaluated, as the incident it becomes. */
  record Failure(Incident.ErrorType type, String message) {}

  /** The changeset attributes of an update, as the REST API names them. */
  public static final List<String> UPDATABLE =
      List.of("dueDate", "followUpDate", "candidateGroups", "candidateUsers", "priority");

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;

  public UserTaskAttributes(EngineState state, ExpressionLanguage feel, VariableBehavior variables) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
  }

  /**
   * Evaluates the element's attribute expressions into the new task.
   *
   * @return the failure if an attribute cannot be evaluated or the linked form is not deployed
   */
  Optional<Failure> evaluate(ElementInstance instance, UserTaskDefinition definition, UserTask task) {
    try {
      task.candidateGroups = list(instance, definition.candidateGroups(), "candidate groups");
      task.candidateUsers = list(instance, definition.candidateUsers(), "candidate users");
      task.dueDate = date(instance, definition.dueDate(), "due date");
      task.followUpDate = date(instance, definition.followUpDate(), "follow-up date");
      task.priority = priority(instance, definition.priority());
      task.externalFormReference = text(instance, definition.externalFormReference(), "form reference");
      task.formKey = definition.formId().map(formId -> linkedForm(instance, formId, definition.formDeploymentBinding()))
          .orElse(-1L);
      task.pendingAssignee = text(instance, definition.assignee(), "assignee");
      return Optional.empty();
    } catch (AttributeFailure failure) {
      return Optional.of(new Failure(failure.type, failure.getMessage()));
    }
  }

  /** Why a value cannot be set on an attribute, if it cannot. */
  public static Optional<String> invalid(String attribute, Object value) {
    return switch (attribute) {
      case "assignee" -> value == null || value instanceof String ? Optional.empty()
          : Optional.of("assignee must be a string");
      case "dueDate", "followUpDate" -> value == null || (value instanceof String text && (text.isBlank() || isDateTime(text)))
          ? Optional.empty()
          : Optional.of("%s must be an ISO 8601 date-time with an offset, like 2025-05-23T23:59:59+02:00, but was '%s'"
              .formatted(attribute, value));
      case "candidateGroups", "candidateUsers" -> value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)
          ? Optional.empty() : Optional.of("%s must be a list of strings".formatted(attribute));
      case "priority" -> value instanceof Number number && number.intValue() >= 0 && number.intValue() <= 100
          && number.doubleValue() == number.intValue()
          ? Optional.empty() : Optional.of("priority must be a whole number between 0 and 100, but was '%s'".formatted(value));
      default -> Optional.of("'%s' is not an attribute of a user task that can be changed; expected one of assignee, %s"
          .formatted(attribute, String.join(", ", UPDATABLE)));
    };
  }

  /** Sets one attribute; an empty date clears it. Values were checked by {@link #invalid}. */
  static void apply(UserTask task, String attribute, Object value) {
    switch (attribute) {
      case "dueDate" -> task.dueDate = blankToNull(value);
      case "followUpDate" -> task.followUpDate = blankToNull(value);
      case "candidateGroups" -> task.candidateGroups = strings(value);
      case "candidateUsers" -> task.candidateUsers = strings(value);
      case "priority" -> task.priority = ((Number) value).intValue();
      case "assignee" -> task.assignee = blankToNull(value);
      default -> throw new IllegalArgumentException("not an attribute of a user task: " + attribute);
    }
  }

  private String text(ElementInstance instance, Optional<Expression> expression, String what) {
    final Object value = valueOf(instance, expression, what);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new AttributeFailure("Expected the %s of user task '%s' to be a string, but was '%s'"
          .formatted(what, instance.elementId, value));
    }
    return text.isBlank() ? null : text;
  }

  private List<String> list(ElementInstance instance, Optional<Expression> expression, String what) {
    final Object value = valueOf(instance, expression, what);
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof String text) {
      return new ArrayList<>(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
    if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
      return strings(items);
    }
    throw new AttributeFailure("Expected the %s of user task '%s' to be a list of strings or a comma-separated string, but was '%s'"
        .formatted(what, instance.elementId, value));
  }

  private String date(ElementInstance instance, Optional<Expression> expression, String what) {
    final String text = text(instance, expression, what);
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new AttributeFailure("Expected the %s of user task '%s' to be an ISO 8601 date-time, but was '%s'"
          .formatted(what, instance.elementId, text));
    }
  }

  private int priority(ElementInstance instance, Optional<Expression> expression) {
    final Object value = valueOf(instance, expression, "priority");
    if (value == null) {
      return 50;
    }
    final Object number = value instanceof String text ? parseOrText(text) : value;
    if (invalid("priority", number).isPresent()) {
      throw new AttributeFailure("Expected the priority of user task '%s' to be a number between 0 and 100, but was '%s'"
          .formatted(instance.elementId, value));
    }
    return ((Number) number).intValue();
  }

  private long linkedForm(ElementInstance instance, String formId, boolean deploymentBinding) {
    final Optional<Form> form = deploymentBinding
        ? state.forms.stream().filter(f -> f.formId.equals(formId) && f.tenantId.equals(instance.tenantId)
            && f.deploymentKey == state.definition(instance.processDefinitionKey).orElseThrow().deploymentKey).findFirst()
        : state.latestForm(instance.tenantId, formId);
    return form.map(f -> f.key).orElseThrow(() -> new AttributeFailure(Incident.ErrorType.FORM_NOT_FOUND,
        "Expected to find a form with id '%s'%s for user task '%s', but no such form is deployed"
            .formatted(formId, deploymentBinding ? " in the process's deployment" : "", instance.elementId)));
  }

  private Object valueOf(ElementInstance instance, Optional<Expression> expression, String what) {
    if (expression.isEmpty()) {
      return null;
    }
    final Evaluation result = feel.evaluate(expression.get(), variables.lookup(instance.key));
    if (result.isFailure()) {
      throw new AttributeFailure("Expected to evaluate the %s of user task '%s', but %s"
          .formatted(what, instance.elementId, result.error()));
    }
    return result.value();
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Object parseOrText(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static List<String> strings(Object value) {
    final List<String> result = new ArrayList<>();
    ((List<?>) value).forEach(item -> result.add((String) item));
    return result;
  }

  /** An attribute that cannot be evaluated: becomes an incident on the element. */
  private static final class AttributeFailure extends RuntimeException {
    private final Incident.ErrorType type;

    AttributeFailure(String message) {
      this(Incident.ErrorType.EXTRACT_VALUE_ERROR, message);
    }

    AttributeFailure(Incident.ErrorType type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }
}
