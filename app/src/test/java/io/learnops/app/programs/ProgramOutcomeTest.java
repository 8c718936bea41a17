package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramOutcomeTest {

  @Test
  void theOwnersDecisionAfterEvaluationIsTheOutcome() {
    assertThat(ProgramOutcome.of(Map.of("intakeDecision", "accept", "reviewOutcome", "approved",
        "programDecision", "improve"))).contains(ProgramOutcome.IMPROVED);
    assertThat(ProgramOutcome.of(Map.of("programDecision", "retire"))).contains(ProgramOutcome.RETIRED);
  }

  @Test
  void aRejectionInReviewEndsTheProgramEvenAfterAWaitlist() {
    assertThat(ProgramOutcome.of(Map.of("intakeDecision", "waitlist", "reviewOutcome", "rejected")))
        .contains(ProgramOutcome.REJECTED);
  }

  @Test
  void intakeEndsADeclinedAnInvalidAndANeverReleasedRequest() {
    assertThat(ProgramOutcome.of(Map.of("intakeDecision", "decline"))).contains(ProgramOutcome.NOT_ACCEPTED);
    assertThat(ProgramOutcome.of(Map.of())).contains(ProgramOutcome.NOT_ACCEPTED);
    assertThat(ProgramOutcome.of(Map.of("intakeDecision", "waitlist"))).contains(ProgramOutcome.WAITLIST_EXPIRED);
  }

  @Test
  void anAcceptedProgramWithoutLaterDecisionsHasNoOutcomeToTell() {
    assertThat(ProgramOutcome.of(Map.of("intakeDecision", "accept", "reviewOutcome", "approved"))).isEmpty();
  }
}
