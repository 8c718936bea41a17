package io.learnops.workers.evaluation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.exception.JobError;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ComputeL2WorkerTest {

  private static final String COURSE = "https://learnops.io/xapi/courses/42";

  @RegisterExtension
  static WireMockExtension lrs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ComputeL2Worker worker;

  @BeforeEach
  void setUp() {
    worker = new ComputeL2Worker(TestConnectors.xapi(lrs.baseUrl()),
        TestConnectors.properties(lrs.baseUrl()));
  }

  private static String statement(String learner, String verb, String activity, Double scaled,
      String timestamp) {
    return "{\"actor\":{\"mbox\":\"mailto:" + learner + "\"},\"verb\":{\"id\":"
        + "\"http://adlnet.gov/expapi/verbs/" + verb + "\"},\"object\":{\"id\":\"" + activity
        + "\"}" + (scaled == null ? "" : ",\"result\":{\"score\":{\"scaled\":" + scaled + "}}")
        + ",\"timestamp\":\"" + timestamp + "\"}";
  }

  private static void answer(String activity, String... statements) {
    List<String> list = new ArrayList<>(List.of(statements));
    lrs.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("activity", equalTo(activity))
        .willReturn(okJson("{\"statements\":[" + String.join(",", list) + "],\"more\":\"\"}")
            .withHeader("X-Experience-API-Version", "1.0.3")));
  }

  @Test
  void pass_rates_and_knowledge_gain_from_the_lrs() {
    // given ada failed then passed, bob passed first time; pre/post tests for both
    answer(COURSE,
        statement("ada@x.org", "failed", COURSE, 0.4, "2026-04-01T10:00:00Z"),
        statement("ada@x.org", "passed", COURSE, 0.8, "2026-04-02T10:00:00Z"),
        statement("bob@x.org", "passed", COURSE, 0.9, "2026-04-01T10:00:00Z"),
        statement("bob@x.org", "completed", COURSE, null, "2026-04-01T11:00:00Z"));
    answer(COURSE + "/pre-test",
        statement("ada@x.org", "scored", COURSE + "/pre-test", 0.2, "2026-03-01T10:00:00Z"),
        statement("bob@x.org", "scored", COURSE + "/pre-test", 0.6, "2026-03-01T10:00:00Z"));
    answer(COURSE + "/post-test",
        statement("ada@x.org", "scored", COURSE + "/post-test", 0.5, "2026-04-01T10:00:00Z"),
        statement("ada@x.org", "scored", COURSE + "/post-test", 0.8, "2026-04-03T10:00:00Z"),
        statement("bob@x.org", "scored", COURSE + "/post-test", 0.8, "2026-04-01T10:00:00Z"));

    // when
    var result = worker.computeL2(Jobs.job(), "P-1", 42);

    // then
    assertThat(result.passRate()).isEqualTo(1.0);
    assertThat(result.firstAttemptPassRate()).isEqualTo(0.5);
    // mean pre 0.4, mean post 0.8 (ada's latest post-test counts)
    assertThat(result.knowledgeGain()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.normalisedGain()).isCloseTo(0.4 / 0.6,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void no_statements_give_zero_rates_and_no_gain() {
    answer(COURSE);
    answer(COURSE + "/pre-test");
    answer(COURSE + "/post-test");

    var result = worker.computeL2(Jobs.job(), "P-1", 42);

    assertThat(result.passRate()).isZero();
    assertThat(result.knowledgeGain()).isNull();
    assertThat(result.normalisedGain()).isNull();
  }

  @Test
  void an_lrs_failure_is_a_job_failure_with_back_off() {
    lrs.stubFor(get(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> worker.computeL2(Jobs.job(2), "P-1", 42))
        .isInstanceOfSatisfying(JobError.class, e -> {
          assertThat(e.getRetries()).isEqualTo(1);
          assertThat(e.getRetryBackoff()).isPositive();
        });
  }
}
