package io.learnops.connectors.lms.xapi;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import io.learnops.connectors.http.TestRuntime;
import io.learnops.connectors.http.Timeouts;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Result;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XapiClientTest {

  private static final UUID ID_1 = UUID.fromString("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  private static final String BASIC_AUTH = "Basic bHJzLWtleTpscnMtc2VjcmV0"; // lrs-key:lrs-secret
  private static final String STATEMENTS = "/xapi/statements";
  private static final String COURSE = "https://learnops.example.org/courses/forklift";

  @RegisterExtension
  static WireMockExtension lrs =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestRuntime test;
  private XapiClient client;

  @BeforeEach
  void setUp() {
    test = new TestRuntime();
    client = clientWith(TestRuntime.testTimeouts());
  }

  private XapiClient clientWith(Timeouts timeouts) {
    return new XapiClient(new XapiSettings(URI.create(lrs.baseUrl() + "/xapi"), "lrs-key",
        "lrs-secret", timeouts, TestRuntime.fastRetries()), test.runtime(), () -> ID_1);
  }

  private static LearningStatement adaPassed() {
    return LearningStatement.of(Actor.byEmail("Ada", "ada@example.org"), Verb.PASSED,
            Activity.of(COURSE), Instant.parse("2026-03-01T10:00:00Z"))
        .withResult(Result.scored(0.9, true));
  }

  private static String storedStatement(String id, String verb, String stored) {
    return "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Ada\","
        + "\"mbox\":\"mailto:ada@example.org\"},\"verb\":{\"id\":\"" + verb + "\","
        + "\"display\":{\"en-US\":\"passed\"}},\"object\":{\"id\":\"" + COURSE + "\","
        + "\"definition\":{\"name\":{\"en-US\":\"Forklift safety\"}}},"
        + "\"result\":{\"score\":{\"scaled\":0.9},\"success\":true,\"completion\":true},"
        + "\"timestamp\":\"2026-03-01T10:00:00.000Z\",\"stored\":\"" + stored + "\"}";
  }

  @Test
  void storing_a_statement_posts_it_with_version_header_basic_auth_and_an_assigned_id() {
    lrs.stubFor(post(STATEMENTS)
        .withHeader("X-Experience-API-Version", equalTo("1.0.3"))
        .withHeader("Authorization", equalTo(BASIC_AUTH))
        .willReturn(okJson("[\"" + ID_1 + "\"]")));

    UUID id = client.store(adaPassed());

    assertThat(id).isEqualTo(ID_1);
    lrs.verify(postRequestedFor(urlPathEqualTo(STATEMENTS)).withRequestBody(equalToJson("""
        [{"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
          "actor":{"objectType":"Agent","name":"Ada","mbox":"mailto:ada@example.org"},
          "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
          "object":{"objectType":"Activity","id":"https://learnops.example.org/courses/forklift"},
          "result":{"score":{"scaled":0.9},"success":true,"completion":true},
          "timestamp":"2026-03-01T10:00:00Z"}]""")));
  }

  @Test
  void a_batch_resent_after_a_5xx_carries_the_same_statement_ids() {
    lrs.stubFor(post(STATEMENTS).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
    lrs.stubFor(post(STATEMENTS).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("[\"" + ID_1 + "\"]")));

    client.store(adaPassed());

    lrs.verify(2, postRequestedFor(urlPathEqualTo(STATEMENTS))
        .withRequestBody(matchingJsonPath("$[0].id", equalTo(ID_1.toString()))));
  }

  @Test
  void a_different_statement_under_a_known_id_is_a_conflict_rejection() {
    lrs.stubFor(post(STATEMENTS).willReturn(aResponse().withStatus(409)
        .withBody("Statement id already used with different content")));

    assertThatThrownBy(() -> client.store(adaPassed().withId(ID_1)))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection -> {
          assertThat(rejection.code()).isEqualTo("xapi.conflict");
          assertThat(rejection.httpStatus()).contains(409);
        });
  }

  @Test
  void an_invalid_statement_is_a_bad_request_rejection() {
    lrs.stubFor(post(STATEMENTS).willReturn(aResponse().withStatus(400)));

    assertThatThrownBy(() -> client.store(adaPassed()))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("xapi.bad_request"));
  }

  @Test
  void an_answer_with_fewer_ids_than_statements_is_malformed() {
    lrs.stubFor(post(STATEMENTS).willReturn(okJson("[]")));

    assertThatThrownBy(() -> client.store(adaPassed()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void putting_a_statement_addresses_it_by_statement_id() {
    lrs.stubFor(put(urlPathEqualTo(STATEMENTS)).withQueryParam("statementId", equalTo(ID_1.toString()))
        .withHeader("X-Experience-API-Version", equalTo("1.0.3"))
        .willReturn(aResponse().withStatus(204)));

    client.put(adaPassed().withId(ID_1));

    lrs.verify(1, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
        urlPathEqualTo(STATEMENTS)));
  }

  @Test
  void a_query_sends_activity_verb_agent_and_since_and_reads_the_statements() {
    Instant since = Instant.parse("2026-03-01T00:00:00Z");
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS))
        .withQueryParam("activity", equalTo(COURSE))
        .withQueryParam("verb", equalTo(Verb.PASSED.id()))
        .withQueryParam("since", equalTo("2026-03-01T00:00:00Z"))
        .withQueryParam("agent", equalToJson(
            "{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}"))
        .withQueryParam("limit", equalTo("50"))
        .withHeader("X-Experience-API-Version", equalTo("1.0.3"))
        .willReturn(okJson("{\"statements\":[" + storedStatement(ID_1.toString(),
            Verb.PASSED.id(), "2026-03-01T10:00:01.123Z") + "],\"more\":\"\"}")));

    StatementPage page = client.query(StatementQuery.all().activity(COURSE).verb(Verb.PASSED.id())
        .agent(Actor.byEmail("Ada", "ada@example.org")).since(since).limit(50));

    assertThat(page.hasMore()).isFalse();
    assertThat(page.statements()).singleElement().satisfies(statement -> {
      assertThat(statement.id()).contains(ID_1);
      assertThat(statement.actor().mbox()).contains("mailto:ada@example.org");
      assertThat(statement.activity().name()).contains("Forklift safety");
      assertThat(statement.result()).hasValueSatisfying(result -> {
        assertThat(result.scaled()).contains(0.9);
        assertThat(result.success()).contains(true);
      });
      assertThat(statement.stored()).contains(Instant.parse("2026-03-01T10:00:01.123Z"));
    });
  }

  @Test
  void all_pages_are_fetched_by_following_the_more_irl_on_the_lrs_host() {
    String second = "6690e6c9-3ef0-4ed3-8b37-7f3964730bef";
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).withQueryParam("activity", equalTo(COURSE))
        .willReturn(okJson("{\"statements\":[" + storedStatement(ID_1.toString(),
            Verb.PASSED.id(), "2026-03-01T10:00:01Z") + "],"
            + "\"more\":\"/xapi/statements/more/abc123\"}")));
    lrs.stubFor(get("/xapi/statements/more/abc123")
        .withHeader("Authorization", equalTo(BASIC_AUTH))
        .willReturn(okJson("{\"statements\":[" + storedStatement(second,
            Verb.COMPLETED.id(), "2026-03-01T10:00:02Z") + "],\"more\":\"\"}")));

    List<LearningStatement> all = client.queryAll(StatementQuery.all().activity(COURSE), 10);

    assertThat(all).extracting(s -> s.id().orElseThrow().toString())
        .containsExactly(ID_1.toString(), second);
  }

  @Test
  void a_more_irl_on_another_host_is_not_followed_with_our_credentials() {
    StatementPage page = new StatementPage(List.of(),
        Optional.of("https://elsewhere.example.org/xapi/statements?more=p2"));

    assertThatThrownBy(() -> client.next(page))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void an_lrs_that_keeps_paging_past_the_limit_is_stopped() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(okJson(
        "{\"statements\":[],\"more\":\"/xapi/statements?more=again\"}")));

    assertThatThrownBy(() -> client.queryAll(StatementQuery.all(), 3))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.RESULT_TOO_LARGE));
    lrs.verify(3, getRequestedFor(urlPathEqualTo(STATEMENTS)));
  }

  @Test
  void wrong_credentials_are_a_misconfiguration() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> client.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
    lrs.verify(1, getRequestedFor(urlPathEqualTo(STATEMENTS)));
  }

  @Test
  void a_rate_limited_query_waits_for_retry_after_and_succeeds() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).inScenario("limit")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5"))
        .willSetStateTo("ok"));
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).inScenario("limit").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"statements\":[],\"more\":\"\"}")));

    assertThat(client.query(StatementQuery.all()).statements()).isEmpty();
    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void a_query_that_keeps_failing_with_5xx_is_a_technical_failure_after_the_retries() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
    lrs.verify(3, getRequestedFor(urlPathEqualTo(STATEMENTS)));
  }

  @Test
  void a_statement_result_without_the_statements_array_is_malformed() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(okJson("{\"more\":\"\"}")));

    assertThatThrownBy(() -> client.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_truncated_json_body_is_malformed() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(okJson("{\"statements\":[{")));

    assertThatThrownBy(() -> client.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_statement_with_a_bad_timestamp_is_malformed() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(okJson("{\"statements\":["
        + storedStatement(ID_1.toString(), Verb.PASSED.id(), "yesterday") + "]}")));

    assertThatThrownBy(() -> client.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_slow_lrs_is_a_timeout() {
    lrs.stubFor(get(urlPathEqualTo(STATEMENTS)).willReturn(
        okJson("{\"statements\":[]}").withFixedDelay(1_000)));
    XapiClient impatient = clientWith(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100)));

    assertThatThrownBy(() -> impatient.query(StatementQuery.all()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void an_account_actor_round_trips_through_json() {
    Actor actor = Actor.byAccount("Ada", "https://hr.example.org", "E-1");
    StatementJson mapping = new StatementJson(new io.learnops.connectors.http.JsonSupport("xapi"));
    LearningStatement statement = LearningStatement.of(actor, Verb.COMPLETED,
        new Activity(COURSE, Optional.of("Forklift"), Optional.of("http://adlnet.gov/expapi/activities/course")),
        Instant.parse("2026-03-01T10:00:00Z")).withId(ID_1).withRegistration(ID_1);

    LearningStatement back = mapping.read(mapping.write(statement));

    assertThat(back).isEqualTo(statement);
  }

  static Stream<Named<Consumer<XapiClient>>> everyCall() {
    return Stream.of(
        call("POST statements", c -> c.store(adaPassed())),
        call("PUT statements", c -> c.put(adaPassed().withId(ID_1))),
        call("GET statements", c -> c.query(StatementQuery.all().activity(COURSE))),
        call("GET more", c -> c.next(new StatementPage(List.of(), Optional.of("/xapi/statements?more=p2")))));
  }

  static Stream<Named<Consumer<XapiClient>>> everyCallWithABody() {
    return Stream.of(
        call("POST statements", c -> c.store(adaPassed())),
        call("GET statements", c -> c.query(StatementQuery.all().activity(COURSE))),
        call("GET more", c -> c.next(new StatementPage(List.of(), Optional.of("/xapi/statements?more=p2")))));
  }

  private static Named<Consumer<XapiClient>> call(String name, Consumer<XapiClient> call) {
    return Named.of(name, call);
  }

  // Every call, each failure mode: the mapping must not depend on which function was called.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_ends_in_a_server_error_when_5xx_persist(Consumer<XapiClient> call) {
    lrs.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_refused_credentials_as_misconfiguration(Consumer<XapiClient> call) {
    lrs.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_turns_the_systems_no_into_a_business_rejection(Consumer<XapiClient> call) {
    lrs.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("xapi.bad_request"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCallWithABody")
  void every_call_reports_an_unparsable_body_as_malformed(Consumer<XapiClient> call) {
    lrs.stubFor(any(anyUrl()).willReturn(okJson("{\"truncated\": [")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_gives_up_on_a_server_slower_than_the_read_timeout(Consumer<XapiClient> call) {
    lrs.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(600)));
    XapiClient impatient = clientWith(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(100)));

    assertThatThrownBy(() -> call.accept(impatient))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }
}
