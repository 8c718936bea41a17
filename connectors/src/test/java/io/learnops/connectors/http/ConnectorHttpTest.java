package io.learnops.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorHttpTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestRuntime test;
  private ConnectorHttp http;

  @BeforeEach
  void setUp() {
    test = new TestRuntime();
    http = new ConnectorHttp("demo", TestRuntime.testTimeouts(), TestRuntime.fastRetries(),
        test.runtime(), RejectionDecoder.byStatus());
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private void failThenSucceed(String path, int failures, int status) {
    String state = Scenario.STARTED;
    for (int i = 1; i <= failures; i++) {
      String next = "failed-" + i;
      server.stubFor(get(path).inScenario("flaky").whenScenarioStateIs(state)
          .willReturn(aResponse().withStatus(status)).willSetStateTo(next));
      state = next;
    }
    server.stubFor(get(path).inScenario("flaky").whenScenarioStateIs(state)
        .willReturn(ok("{\"ok\":true}")));
  }

  @Test
  void a_2xx_answer_is_returned_with_its_body() {
    server.stubFor(get("/things").willReturn(ok("hello")));

    HttpResult result = http.execute(HttpCall.get(uri("/things")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).isEqualTo("hello");
    assertThat(test.sleeps()).isEmpty();
  }

  @Test
  void a_5xx_on_a_get_is_retried_with_exponential_backoff_until_it_succeeds() {
    failThenSucceed("/things", 2, 500);

    HttpResult result = http.execute(HttpCall.get(uri("/things")));

    assertThat(result.bodyText()).contains("ok");
    server.verify(3, getRequestedFor(urlEqualTo("/things")));
    assertThat(test.sleeps()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void when_every_attempt_gets_a_5xx_the_call_ends_in_a_server_error_failure() {
    server.stubFor(get("/things").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> http.execute(HttpCall.get(uri("/things"))))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> {
          assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
          assertThat(failure.httpStatus()).contains(502);
          assertThat(failure.system()).isEqualTo("demo");
        });
    server.verify(3, getRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void a_500_on_a_post_without_idempotency_key_is_not_resent() {
    server.stubFor(post("/orders").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> http.execute(HttpCall.post(uri("/orders"), "application/json", "{}")))
        .isInstanceOf(TechnicalFailure.class);
    server.verify(1, postRequestedFor(urlEqualTo("/orders")));
  }

  @Test
  void a_503_on_a_post_is_resent_because_the_server_did_not_act_on_it() {
    server.stubFor(post("/orders").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> http.execute(HttpCall.post(uri("/orders"), "application/json", "{}")))
        .isInstanceOf(TechnicalFailure.class);
    server.verify(3, postRequestedFor(urlEqualTo("/orders")));
  }

  @Test
  void a_keyed_post_is_retried_with_the_same_idempotency_key() {
    server.stubFor(post("/orders").inScenario("keyed").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("retry"));
    server.stubFor(post("/orders").inScenario("keyed").whenScenarioStateIs("retry")
        .willReturn(aResponse().withStatus(201).withBody("{}")));

    http.execute(HttpCall.post(uri("/orders"), "application/json", "{}")
        .withIdempotencyKey("po-42"));

    server.verify(2, postRequestedFor(urlEqualTo("/orders"))
        .withHeader(ConnectorHttp.IDEMPOTENCY_KEY_HEADER, equalTo("po-42")));
  }

  @Test
  void a_429_waits_for_the_retry_after_seconds_before_trying_again() {
    server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
        .willSetStateTo("open"));
    server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs("open")
        .willReturn(ok("{}")));

    http.execute(HttpCall.get(uri("/things")));

    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_retry_after_http_date_is_measured_from_the_injected_clock() {
    server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)
            .withHeader("Retry-After", "Mon, 02 Mar 2026 09:00:12 GMT"))
        .willSetStateTo("open"));
    server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs("open")
        .willReturn(ok("{}")));

    http.execute(HttpCall.get(uri("/things")));

    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void a_retry_after_longer_than_the_policy_allows_fails_at_once_and_carries_the_hint() {
    server.stubFor(get("/things").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> http.execute(HttpCall.get(uri("/things"))))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> {
          assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
        });
    server.verify(1, getRequestedFor(urlEqualTo("/things")));
    assertThat(test.sleeps()).isEmpty();
  }

  @Test
  void a_401_is_a_misconfiguration_and_is_not_retried() {
    server.stubFor(get("/things").willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> http.execute(HttpCall.get(uri("/things"))))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
    server.verify(1, getRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void a_422_is_a_business_rejection_decoded_by_the_client() {
    server.stubFor(post("/orders").willReturn(aResponse().withStatus(422)));

    assertThatThrownBy(() -> http.execute(HttpCall.post(uri("/orders"), "application/json", "{}")))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection -> {
          assertThat(rejection.code()).isEqualTo("demo.http_422");
          assertThat(rejection.httpStatus()).contains(422);
        });
    server.verify(1, postRequestedFor(urlEqualTo("/orders")));
  }

  @Test
  void a_slow_answer_is_a_timeout_after_the_retries() {
    server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(1_000)));
    ConnectorHttp once = new ConnectorHttp("demo",
        new Timeouts(Duration.ofMillis(500), Duration.ofMillis(100)),
        new RetryPolicy(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(1), 0.0, Duration.ZERO),
        test.runtime(), RejectionDecoder.byStatus());

    assertThatThrownBy(() -> once.execute(HttpCall.get(uri("/slow"))))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
    server.verify(2, getRequestedFor(urlEqualTo("/slow")));
  }

  @Test
  void a_refused_connection_is_a_connection_failure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> http.execute(
        HttpCall.get(URI.create("http://localhost:" + closedPort + "/things"))))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.CONNECTION));
    assertThat(test.sleeps()).hasSize(2);
  }

  @Test
  void a_redirect_is_not_followed_and_counts_as_unexpected() {
    server.stubFor(get("/moved").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/elsewhere")));

    assertThatThrownBy(() -> http.execute(HttpCall.get(uri("/moved"))))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.UNEXPECTED_STATUS));
  }

  @Test
  void backoff_grows_exponentially_is_capped_and_jitter_only_shortens_it() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 2.0, Duration.ofMillis(500),
        0.5, Duration.ofSeconds(1));

    List<Duration> withoutJitter = List.of(1, 2, 3, 4, 5).stream()
        .map(attempt -> policy.backoffAfter(attempt, () -> 0.0)).toList();
    Duration withFullJitter = policy.backoffAfter(4, () -> 0.999);

    assertThat(withoutJitter).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    assertThat(withFullJitter).isBetween(Duration.ofMillis(250), Duration.ofMillis(251));
  }
}
