package io.learnops.workers.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorErrorsTest {

  private static final BusinessRejection NO =
      new BusinessRejection("moodle", "moodle.shortnametaken", "Short name is taken", 0);

  @Test
  void a_technical_failure_becomes_a_job_failure_with_one_retry_less_and_back_off() {
    // given a job on its first attempt
    var job = Jobs.job(3);

    // when the connector fails technically
    // then
    assertThatThrownBy(() -> ConnectorErrors.call(job, () -> {
      throw new TechnicalFailure("moodle", Kind.SERVER_ERROR, "503", null);
    })).isInstanceOfSatisfying(JobError.class, error -> {
      assertThat(error.getRetries()).isEqualTo(2);
      assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
      assertThat(error.getErrorMessage()).contains("SERVER_ERROR");
    });
  }

  @Test
  void back_off_doubles_per_retry_used_and_a_longer_retry_after_wins_up_to_the_cap() {
    assertThat(ConnectorErrors.backoff(3, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
    assertThat(ConnectorErrors.backoff(2, Optional.empty())).isEqualTo(Duration.ofSeconds(20));
    assertThat(ConnectorErrors.backoff(1, Optional.empty())).isEqualTo(Duration.ofSeconds(40));
    assertThat(ConnectorErrors.backoff(3, Optional.of(Duration.ofSeconds(5))))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(ConnectorErrors.backoff(3, Optional.of(Duration.ofSeconds(90))))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(ConnectorErrors.backoff(3, Optional.of(Duration.ofHours(2))))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(ConnectorErrors.backoff(-5, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void the_last_retry_leaves_no_retries_so_the_engine_raises_an_incident() {
    assertThatThrownBy(() -> ConnectorErrors.call(Jobs.job(1), () -> {
      throw new TechnicalFailure("scim", Kind.TIMEOUT, "read timeout", null);
    })).isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isZero());
  }

  @Test
  void too_many_results_are_an_incident_at_once_since_waiting_does_not_narrow_them() {
    assertThatThrownBy(() -> ConnectorErrors.call(Jobs.job(3), () -> {
      throw new TechnicalFailure("scim", Kind.RESULT_TOO_LARGE, "more than 10000", null);
    })).isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isZero());
  }

  @Test
  void a_rejection_the_model_catches_becomes_that_bpmn_error_with_the_reason() {
    assertThatThrownBy(() -> ConnectorErrors.call(Jobs.job(), () -> {
      throw NO;
    }, rejection -> ConnectorErrors.bpmnError("LMS_REJECTED", rejection, "lmsError")))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("LMS_REJECTED");
          assertThat(Jobs.variables(error)).extractingByKey("lmsError")
              .asString().startsWith("moodle.shortnametaken");
        });
  }

  @Test
  void a_rejection_without_bpmn_error_is_an_incident_at_once() {
    assertThatThrownBy(() -> ConnectorErrors.call(Jobs.job(3), () -> {
      throw NO;
    })).isInstanceOfSatisfying(JobError.class, error -> {
      assertThat(error.getRetries()).isZero();
      assertThat(error.getErrorMessage()).startsWith("moodle.shortnametaken");
    });
  }

  @Test
  void a_successful_call_returns_its_result() {
    assertThat(ConnectorErrors.call(Jobs.job(), () -> 42)).isEqualTo(42);
  }
}
