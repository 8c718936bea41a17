package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.learnops.workers.delivery.MoodleStubs.called;
import static io.learnops.workers.delivery.MoodleStubs.function;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnrolBatchWorkerTest {

  @RegisterExtension
  static WireMockExtension systems =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private EnrolBatchWorker worker;

  @BeforeEach
  void setUp() {
    worker = new EnrolBatchWorker(TestConnectors.moodle(systems.baseUrl()),
        TestConnectors.scim(systems.baseUrl()));
    systems.stubFor(function("enrol_manual_enrol_users").willReturn(okJson("null")));
  }

  @Test
  void enrols_existing_accounts_and_creates_missing_ones_once_across_a_retried_job() {
    // given ada has a Moodle account; bob has none until the first run creates it
    systems.stubFor(function("core_user_get_users")
        .withRequestBody(containing("ada%40x.org")).willReturn(okJson(MoodleStubs.user(7, "ada@x.org"))));
    systems.stubFor(function("core_user_get_users").withRequestBody(containing("bob%40x.org"))
        .inScenario("bob").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(MoodleStubs.noUser())));
    systems.stubFor(function("core_user_create_users").inScenario("bob")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("[{\"id\":8,\"username\":\"user0\"}]")).willSetStateTo("created"));
    systems.stubFor(function("core_user_get_users").withRequestBody(containing("bob%40x.org"))
        .inScenario("bob").whenScenarioStateIs("created")
        .willReturn(okJson(MoodleStubs.user(8, "bob@x.org"))));
    systems.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
        .willReturn(okJson(ResolveAudienceWorkerTest.users("bob@x.org"))));

    // when the batch job runs twice
    worker.enrolBatch(Jobs.job(), "P-1", 42L, List.of("ada@x.org", "bob@x.org"));
    worker.enrolBatch(Jobs.job(), "P-1", 42L, List.of("ada@x.org", "bob@x.org"));

    // then bob's account was created once; each run enrolled both as students (Moodle's manual
    // enrolment updates an existing enrolment rather than adding one)
    systems.verify(1, called("core_user_create_users")
        .withRequestBody(containing("users%5B0%5D%5Bemail%5D=bob%40x.org")));
    systems.verify(2, called("enrol_manual_enrol_users")
        .withRequestBody(containing("enrolments%5B0%5D%5Buserid%5D=7"))
        .withRequestBody(containing("enrolments%5B0%5D%5Bcourseid%5D=42"))
        .withRequestBody(containing("enrolments%5B0%5D%5Broleid%5D=5")));
    systems.verify(2, called("enrol_manual_enrol_users")
        .withRequestBody(containing("enrolments%5B0%5D%5Buserid%5D=8")));
  }

  @Test
  void a_learner_who_left_the_hris_is_skipped_not_failed() {
    systems.stubFor(function("core_user_get_users").willReturn(okJson(MoodleStubs.noUser())));
    systems.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
        .willReturn(okJson(ResolveAudienceWorkerTest.users())));

    worker.enrolBatch(Jobs.job(), "P-1", 42L, List.of("gone@x.org"));

    systems.verify(0, called("core_user_create_users"));
    systems.verify(0, called("enrol_manual_enrol_users"));
  }
}
