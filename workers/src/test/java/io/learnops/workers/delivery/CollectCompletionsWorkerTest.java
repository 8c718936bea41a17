package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.learnops.workers.delivery.MoodleStubs.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectCompletionsWorkerTest {

  @RegisterExtension
  static WireMockExtension lms =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static String completion(boolean completed, Long completedAtEpoch) {
    return "{\"completionstatus\":{\"completed\":" + completed + ",\"aggregation\":1,"
        + "\"completions\":[{\"type\":4,\"title\":\"Activity\",\"status\":\"x\",\"complete\":"
        + completed + ",\"timecompleted\":" + completedAtEpoch + "}]},\"warnings\":[]}";
  }

  private void learner(long id, String email, boolean completed, Long at) {
    lms.stubFor(function("core_user_get_users").withRequestBody(containing(email.replace("@", "%40")))
        .willReturn(okJson(MoodleStubs.user(id, email))));
    lms.stubFor(function("core_completion_get_course_completion_status")
        .withRequestBody(containing("userid=" + id))
        .willReturn(okJson(completion(completed, at))));
  }

  @Test
  void rates_count_completions_and_those_by_the_delivery_end() {
    // given four learners: on time, late, not completed, no account
    long due = 1_777_536_000L; // 2026-04-30T08:00:00Z
    learner(1, "a@x.org", true, due - 3600);
    learner(2, "b@x.org", true, due + 3600);
    learner(3, "c@x.org", false, null);
    lms.stubFor(function("core_user_get_users").withRequestBody(containing("d%40x.org"))
        .willReturn(okJson(MoodleStubs.noUser())));
    var worker = new CollectCompletionsWorker(TestConnectors.moodle(lms.baseUrl()));

    // when
    var result = worker.collectCompletions(Jobs.job(), "P-1", 42L, "2026-04-30T08:00:00Z",
        List.of(List.of("a@x.org", "b@x.org"), List.of("c@x.org", "d@x.org")));

    // then
    assertThat(result.assignedCount()).isEqualTo(4);
    assertThat(result.completedCount()).isEqualTo(2);
    assertThat(result.completionRate()).isEqualTo(0.5);
    assertThat(result.onTimeCompletionRate()).isEqualTo(0.25);
  }

  @Test
  void rates_are_zero_with_nobody_assigned_and_inconsistent_counts_are_refused() {
    assertThat(new CompletionRates(0, 0, 0).completionRate()).isZero();
    assertThat(new CompletionRates(0, 0, 0).onTimeCompletionRate()).isZero();
    assertThat(new CompletionRates(3, 3, 3).completionRate()).isEqualTo(1.0);
    assertThatThrownBy(() -> new CompletionRates(2, 3, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompletionRates(3, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
