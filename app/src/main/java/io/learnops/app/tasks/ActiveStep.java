package io.learnops.app.tasks;

import java.time.OffsetDateTime;

/**
 * A step a program is at right now: a task being worked on, a message or timer it waits for.
 *
 * @param type the BPMN element type as Camunda names it ({@code SERVICE_TASK}, {@code RECEIVE_TASK},
 *     {@code INTERMEDIATE_CATCH_EVENT}, {@code USER_TASK}, ...)
 * @param stage the BPMN process id of the stage it is in
 * @param incident whether it is stuck in an incident an operator has to resolve
 */
public record ActiveStep(String elementId, String name, String type, String stage, OffsetDateTime since,
    boolean incident) {}
