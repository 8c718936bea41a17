package io.learnops.workers.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.learnops.workers.support.Jobs;
import org.junit.jupiter.api.Test;

class ValidateRequestWorkerTest {

  private final ValidateRequestWorker worker = new ValidateRequestWorker();

  @Test
  void a_complete_request_passes() {
    worker.validateRequest("P-1", "ada@x.org", "GDPR", "high", 120, "mandatory", "low");
    worker.validateRequest("P-1", "ada@x.org", "GDPR", "low", "1", "none", "medium");
  }

  @Test
  void every_problem_is_listed_in_request_invalid() {
    assertThatThrownBy(() -> worker.validateRequest("P-1", null, " ", "huge", 0, null, "high"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("REQUEST_INVALID");
          assertThat(Jobs.variables(error).get("validationErrors")).asList().containsExactly(
              "requester is missing", "title is missing",
              "businessImpact must be one of [high, low, medium], got 'huge'",
              "regulatoryRisk must be one of [elevated, mandatory, none]",
              "audienceSize must be a whole number of at least 1");
        });
  }

  @Test
  void audience_size_must_be_a_whole_positive_number() {
    assertThat(ValidateRequestWorker.errors("P", "r", "t", "low", 2.5, "none", "low"))
        .containsExactly("audienceSize must be a whole number of at least 1");
    assertThat(ValidateRequestWorker.errors("P", "r", "t", "low", "many", "none", "low"))
        .containsExactly("audienceSize must be a number");
    assertThat(ValidateRequestWorker.errors("P", "r", "t", "low", 1.0, "none", "low")).isEmpty();
  }
}
