package io.learnops.app.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user task waiting in one of a program's stages. Complete it with Camunda's user task API
 * ({@code POST /v2/user-tasks/{key}/completion} on the engine's REST port, or Tasklist on a
 * cluster); its form is at {@code GET /v2/user-tasks/{key}/form}.
 *
 * @param stage the BPMN process id of the stage the task is in ({@code intake}, {@code review}, ...)
 */
public record OpenTask(
    long key,
    String elementId,
    String name,
    String stage,
    List<String> candidateGroups,
    String assignee,
    OffsetDateTime dueDate,
    Integer priority,
    long processInstanceKey) {}
