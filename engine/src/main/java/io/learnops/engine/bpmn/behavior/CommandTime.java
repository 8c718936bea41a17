package io.learnops.engine.bpmn.behavior;

/**
 * The time of the command being processed. Every date processing writes (a timer's due date, a
 * user task's creation date, whether a buffered message is still alive) is this time, never the
 * wall clock, so that a command means the same whenever it is processed.
 */
public final class CommandTime {

  private long now;

  public void set(long commandTime) {
    this.now = commandTime;
  }

  public long now() {
    return now;
  }
}
