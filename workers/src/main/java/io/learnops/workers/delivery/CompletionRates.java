package io.learnops.workers.delivery;

/**
 * Completion rate = completed / assigned; on-time completion rate = completed by the due date /
 * assigned (DOMAIN.md). With nobody assigned both are 0.
 */
record CompletionRates(int assigned, int completed, int completedOnTime) {

  CompletionRates {
    if (assigned < 0 || completed < 0 || completedOnTime < 0 || completed > assigned
        || completedOnTime > completed) {
      throw new IllegalArgumentException(
          "need 0 <= onTime <= completed <= assigned: " + completedOnTime + ", " + completed
              + ", " + assigned);
    }
  }

  double completionRate() {
    return assigned == 0 ? 0.0 : (double) completed / assigned;
  }

  double onTimeCompletionRate() {
    return assigned == 0 ? 0.0 : (double) completedOnTime / assigned;
  }
}
