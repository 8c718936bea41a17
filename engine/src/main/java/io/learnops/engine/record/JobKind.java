package io.learnops.engine.record;

/** What a job is for: a task's work, or an execution or task listener of an element. */
public enum JobKind {
  BPMN_ELEMENT,
  EXECUTION_LISTENER,
  TASK_LISTENER
}
