package io.learnops.sandbox.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Result;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.StatementPage;
import io.learnops.connectors.lms.xapi.StatementQuery;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.SandboxHttp;
import io.learnops.sandbox.admin.OutageSwitch;
import io.learnops.sandbox.admin.SandboxSystem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The LRS stand-in, driven through the connectors' {@link XapiClient}. */
class XapiStandInTest extends SandboxContractTest {

  private static final String COURSE = "https://lms.acme.example/course/view.php?id=7";
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired
  private OutageSwitch outages;

  @Test
  void a_stored_batch_is_read_back_page_by_page_newest_first() {
    // given 25 completions
    List<LearningStatement> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(completed("learner" + i + "@acme.example", 0.5 + i / 100.0));
    }
    List<UUID> ids = xapi().store(batch);

    // when
    StatementPage first = xapi().query(StatementQuery.all().activity(COURSE).limit(10));
    List<LearningStatement> all = xapi().queryAll(StatementQuery.all().activity(COURSE)
        .limit(10), 5);

    // then
    assertThat(first.statements()).hasSize(10);
    assertThat(first.more()).hasValueSatisfying(more -> assertThat(more)
        .startsWith("/sandbox/xapi/statements?"));
    assertThat(all).hasSize(25);
    assertThat(all).extracting(s -> s.id().orElseThrow())
        .containsExactlyElementsOf(reversed(ids));
    assertThat(all.get(0).result().flatMap(Result::scaled)).contains(0.74);
    assertThat(all).allSatisfy(s -> assertThat(s.stored()).isPresent());
  }

  @Test
  void paging_stops_at_the_callers_page_budget() {
    List<LearningStatement> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(completed("l" + i + "@acme.example", 0.9));
    }
    xapi().store(batch);

    assertThatThrownBy(() -> xapi().queryAll(StatementQuery.all().limit(5), 2))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.RESULT_TOO_LARGE));
  }

  @Test
  void filters_by_agent_verb_and_stored_time() {
    // given
    xapi().store(List.of(completed("ada@acme.example", 0.9), completed("ben@acme.example", 0.8)));
    StatementPage before = xapi().query(StatementQuery.all());
    Instant cursor = before.statements().get(0).stored().orElseThrow();
    LearningStatement failed = LearningStatement.of(Actor.byEmail("Ada", "ada@acme.example"),
        Verb.FAILED, Activity.of(COURSE), AT);
    xapi().store(failed);

    // when
    List<LearningStatement> ada = xapi().queryAll(StatementQuery.all()
        .agent(Actor.byEmail(null, "ada@acme.example")), 5);
    List<LearningStatement> completions = xapi().queryAll(StatementQuery.all()
        .verb(Verb.COMPLETED.id()), 5);
    List<LearningStatement> newer = xapi().queryAll(StatementQuery.all().since(cursor), 5);
    List<LearningStatement> older = xapi().queryAll(StatementQuery.all().until(cursor), 5);

    // then
    assertThat(ada).hasSize(2);
    assertThat(completions).hasSize(2).allMatch(s -> s.verb().id().equals(Verb.COMPLETED.id()));
    assertThat(newer).singleElement().satisfies(s ->
        assertThat(s.verb().id()).isEqualTo(Verb.FAILED.id()));
    assertThat(older).hasSize(2);
  }

  @Test
  void put_is_idempotent_for_the_same_statement_and_a_conflict_for_another() {
    // given
    UUID id = UUID.randomUUID();
    LearningStatement statement = completed("ada@acme.example", 0.9).withId(id);

    // when
    xapi().put(statement);
    xapi().put(statement);

    // then
    assertThat(xapi().queryAll(StatementQuery.all(), 5)).singleElement()
        .satisfies(s -> assertThat(s.id()).contains(id));
    assertThatThrownBy(() -> xapi().put(completed("ada@acme.example", 0.2).withId(id)))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("xapi.conflict"));
  }

  @Test
  void a_resent_batch_is_stored_once() {
    List<LearningStatement> batch = List.of(
        completed("ada@acme.example", 0.9).withId(UUID.randomUUID()),
        completed("ben@acme.example", 0.7).withId(UUID.randomUUID()));

    List<UUID> first = xapi().store(batch);
    List<UUID> again = xapi().store(batch);

    assertThat(again).isEqualTo(first);
    assertThat(xapi().queryAll(StatementQuery.all(), 5)).hasSize(2);
  }

  @Test
  void wrong_credentials_are_misconfiguration() {
    assertThatThrownBy(() -> xapi("wrong").query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.MISCONFIGURED));
  }

  @Test
  void an_outage_is_a_server_error_after_the_retries() {
    outages.start(SandboxSystem.XAPI, 503);

    assertThatThrownBy(() -> xapi().store(completed("ada@acme.example", 0.9)))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.SERVER_ERROR));
    assertThat(sleeps).hasSize(ATTEMPTS - 1);
  }

  @Test
  void a_request_without_the_version_header_is_refused_and_every_answer_names_the_version() {
    // when
    HttpResponse<String> withoutVersion = http(HttpRequest.newBuilder(
        base("/sandbox/xapi/statements")).header("Authorization", basic()));
    HttpResponse<String> withVersion = http(HttpRequest.newBuilder(
        base("/sandbox/xapi/statements")).header("Authorization", basic())
        .header("X-Experience-API-Version", "1.0.3"));

    // then
    assertThat(withoutVersion.statusCode()).isEqualTo(400);
    assertThat(withoutVersion.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
    assertThat(withVersion.statusCode()).isEqualTo(200);
    assertThat(withVersion.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
  }

  @Test
  void a_statement_is_fetched_by_id_and_an_unknown_id_is_not_found() {
    UUID id = xapi().store(completed("ada@acme.example", 0.9));

    HttpResponse<String> found = http(versioned("/sandbox/xapi/statements?statementId=" + id));
    HttpResponse<String> missing = http(versioned("/sandbox/xapi/statements?statementId="
        + UUID.randomUUID()));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("\"id\":\"" + id + "\"", "\"stored\":", "\"authority\":");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void an_invalid_statement_is_a_bad_request() {
    HttpResponse<String> response = http(versioned("/sandbox/xapi/statements")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":{\"mbox\":\"ada@acme.example\"},"
            + "\"verb\":{\"id\":\"x\"},\"object\":{\"id\":\"y\"}}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("mailto:");
  }

  private HttpRequest.Builder versioned(String path) {
    return HttpRequest.newBuilder(base(path)).header("Authorization", basic())
        .header("X-Experience-API-Version", "1.0.3");
  }

  private static HttpResponse<String> http(HttpRequest.Builder request) {
    return new SandboxHttp().send(request);
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((LRS_KEY + ":" + LRS_SECRET)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static LearningStatement completed(String email, double scaled) {
    return LearningStatement.of(Actor.byEmail("Learner", email), Verb.COMPLETED,
        Activity.of(COURSE), AT).withResult(Result.scored(scaled, scaled >= 0.7));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
