package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.EngineConfig;
import io.learnops.engine.gateway.AnswerLimits;
import io.learnops.engine.read.ReadModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request whose answer never comes from the engine still ends: with a 504 problem, never silence. */
class GatewayDeadlineTest {

  private final FakeEngine engine = new FakeEngine();
  private final RestGateway gateway = new RestGateway(engine, new ReadModel(ReadModel.DEFAULT_RETENTION), EngineConfig.LOOPBACK, 0,
      new AnswerLimits(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMinutes(1)));
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    engine.close();
  }

  @Test
  void aCompletionTheEngineNeverAnswersGetsA504Problem() throws Exception {
    engine.neverAnswer();

    final HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + "/v2/jobs/2251799813685281/completion"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            // far longer than the gateway's limit: the answer must come from the gateway
            .timeout(Duration.ofMinutes(2))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("DEADLINE_EXCEEDED").contains("within 300 ms");
  }
}
