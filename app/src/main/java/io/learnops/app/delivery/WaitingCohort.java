package io.learnops.app.delivery;

/**
 * A delivery waiting at {@code AwaitCompletions} for its cohort, with what the LRS check needs.
 *
 * @param audienceSize the learners the delivery enrolled ({@code resolvedAudienceSize})
 */
record WaitingCohort(long processInstanceKey, String programId, String courseId, long audienceSize) {
}
