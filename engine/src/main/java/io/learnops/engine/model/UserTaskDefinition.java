package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code zeebe:userTask}: who may work on it ({@code zeebe:assignmentDefinition}), when it is due
 * ({@code zeebe:taskSchedule}), how urgent it is ({@code zeebe:priorityDefinition}), its form
 * ({@code zeebe:formDefinition}: a deployed form by id, or an external reference), custom headers
 * and the task listeners that run at its lifecycle transitions, in model order.
 */
public record UserTaskDefinition(
    Optional<Expression> assignee,
    Optional<Expression> candidateGroups,
    Optional<Expression> candidateUsers,
    Optional<Expression> dueDate,
    Optional<Expression> followUpDate,
    Optional<Expression> priority,
    Optional<String> formId,
    boolean formDeploymentBinding,
    Optional<Expression> externalFormReference,
    Map<String, String> headers,
    List<Listener> taskListeners) {

  public List<Listener> listenersFor(String eventType) {
    return taskListeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }
}
