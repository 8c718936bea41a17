package io.learnops.app.programs;

/**
 * Where a program is in its life. {@code STARTING} lasts from the intake row's commit until the
 * engine accepted the process instance; a program whose start failed is removed again.
 */
public enum ProgramStatus {
  STARTING,
  ACTIVE,
  COMPLETED,
  CANCELED;

  public boolean isFinished() {
    return this == COMPLETED || this == CANCELED;
  }
}
