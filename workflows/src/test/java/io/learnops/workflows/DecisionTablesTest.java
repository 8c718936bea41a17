package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN files evaluated for real by the engine, at the boundaries documented in workflows/README.md. */
class DecisionTablesTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void deployDecisions() {
    ENGINE.deploy("intake-triage.dmn", "review-approvers.dmn", "program-decision.dmn");
  }

  @ParameterizedTest(name = "impact {0}, audience {1}, risk {2}, urgency {3} -> score {4}, tier {5}")
  @CsvSource({
      "low,    10,   none,      low,    4,  3",   // lowest possible total: tier 3 (0-4)
      "medium, 10,   none,      low,    5,  2",   // first total of tier 2
      "high,   49,   elevated,  low,    7,  2",   // last total of tier 2 (audience 49 still scores 1)
      "high,   50,   elevated,  low,    8,  1",   // first total of tier 1 (audience 50 scores 2)
      "high,   499,  mandatory, medium, 10, 1",   // audience 499 still scores 2
      "high,   500,  mandatory, high,   12, 1",   // highest possible total (audience 500 scores 3)
      "low,    5000, none,      low,    6,  2",
  })
  void intake_triage_scores_each_criterion_and_maps_the_total_to_a_tier(
      String impact, int audience, String risk, String urgency, int score, int tier) throws Exception {
    Map<String, Object> request = Map.of("businessImpact", impact, "audienceSize", audience,
        "regulatoryRisk", risk, "urgency", urgency);

    JsonNode result = evaluate("intake-triage", request);

    assertThat(result.path("triageScore").asInt()).isEqualTo(score);
    assertThat(result.path("priorityTier").asInt()).isEqualTo(tier);
  }

  @Test
  void intake_triage_fails_instead_of_guessing_when_a_criterion_is_unknown() {
    Map<String, Object> request = new HashMap<>(Map.of("businessImpact", "huge", "audienceSize", 10,
        "regulatoryRisk", "none", "urgency", "low"));

    assertThatThrownBy(() -> ENGINE.client().newEvaluateDecisionCommand().decisionId("intake-triage")
        .variables(request).send().join())
        .hasMessageContaining("triage needs businessImpact, audienceSize, regulatoryRisk and urgency");
  }

  @ParameterizedTest(name = "budget {0}, risk {1}, compliance {2} -> {3}")
  @CsvSource(delimiter = ';', value = {
      "0;      low;    false; ld-manager",
      "9999;   medium; false; ld-manager",
      "10000;  low;    false; ld-manager,business-sponsor",
      "49999;  medium; false; ld-manager,business-sponsor",
      "50000;  low;    false; ld-manager,business-sponsor,finance,compliance",
      "5000;   high;   false; ld-manager,business-sponsor,finance,compliance",
      "5000;   low;    true;  ld-manager,business-sponsor,finance,compliance",
  })
  void review_approvers_grow_with_budget_risk_and_compliance(
      long budget, String risk, boolean compliance, String groups) throws Exception {
    JsonNode result = evaluate("review-approvers",
        Map.of("budget", budget, "riskLevel", risk, "complianceRelated", compliance));

    assertThat(result.isArray()).isTrue();
    assertThat(result).extracting(JsonNode::asText).containsExactly(groups.split(","));
  }

  @ParameterizedTest(name = "roi {0}, nps {1}, l3 {2} -> {3}")
  @CsvSource({
      "-10, -5,  0.9, retire",
      "-10, 40,  0.9, improve",
      "0,   30,  0.5, continue",
      "0,   29,  0.5, improve",
      "120, 60,  0.49, improve",
  })
  void program_decision_recommends_continue_improve_or_retire(double roi, int nps, double l3, String recommendation)
      throws Exception {
    JsonNode result = evaluate("program-decision",
        Map.of("roiPercent", roi, "learningNps", nps, "l3ApplicationRate", l3));

    assertThat(result.asText()).isEqualTo(recommendation);
  }

  private static JsonNode evaluate(String decisionId, Map<String, Object> variables) throws Exception {
    var response = ENGINE.client().newEvaluateDecisionCommand().decisionId(decisionId).variables(variables)
        .send().join();
    assertThat(response.getFailureMessage()).as("failure of %s", decisionId).isNullOrEmpty();
    return JSON.readTree(response.getDecisionOutput());
  }
}
