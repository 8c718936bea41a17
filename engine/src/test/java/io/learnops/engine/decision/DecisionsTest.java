package io.learnops.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.DeployedDecision;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.junit.jupiter.api.Test;

class DecisionsTest {

  private final DmnEngine dmn = new DmnEngine.Builder().clock(new ExpressionLanguage().clock()).build();
  private final EngineState state = new EngineState();
  private final Decisions decisions = new Decisions(state, dmn);

  @Test
  void aDecisionIsEvaluatedFromTheStoredBytesAfterARestart() throws IOException {
    final byte[] rubric = rubric();
    final DeployedDecision deployed = store(rubric).get(0);

    final Decisions afterRestart = new Decisions(state, dmn);
    final Decisions.Evaluation evaluation = afterRestart.evaluate(state.decision(deployed.decisionKey()).orElseThrow(),
        Map.of("impact", 3, "audience", 1, "risk", 3, "effort", 5));

    assertThat(evaluation.isFailure()).isFalse();
    assertThat(evaluation.output()).isEqualTo("urgent");
  }

  @Test
  void aMissingRequiredInputIsAFailureNamingTheCause() throws IOException {
    final DeployedDecision deployed = store(rubric()).get(0);

    final Decisions.Evaluation evaluation =
        decisions.evaluate(state.decision(deployed.decisionKey()).orElseThrow(), Map.of("risk", 1));

    assertThat(evaluation.isFailure()).isTrue();
    assertThat(evaluation.error()).contains("impact is required");
  }

  @Test
  void invalidFeelInARuleIsReportedAtParse() throws IOException {
    final String broken = new String(rubric(), StandardCharsets.UTF_8).replace("&gt;= 3", "&gt;= &gt;= 3");

    final DmnParser.ParsedResource parsed = decisions.parse(broken.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.error()).contains(">= >= 3");
  }

  @Test
  void textThatIsNotDmnIsInvalid() {
    assertThat(decisions.parse("not xml".getBytes(StandardCharsets.UTF_8)).isValid()).isFalse();
  }

  private List<DeployedDecision> store(byte[] content) {
    final DmnParser.ParsedResource parsed = decisions.parse(content);
    assertThat(parsed.error()).isNull();
    final EventAppliers appliers = new EventAppliers(state, key -> { throw new AssertionError("no process model needed"); });
    return decisions.store(1, "triage-rubric.dmn", content, parsed, EngineApi.DEFAULT_TENANT,
        (key, intent, value) -> appliers.apply(key, intent, value, 0));
  }

  private static byte[] rubric() throws IOException {
    try (var in = DecisionsTest.class.getClassLoader().getResourceAsStream("dmn/triage-rubric.dmn")) {
      return in.readAllBytes();
    }
  }
}
