package io.learnops.engine.decision;

import io.learnops.engine.api.EngineApi.EvaluatedInput;
import io.learnops.engine.api.EngineApi.EvaluatedOutput;
import io.learnops.engine.api.EngineApi.MatchedRule;
import java.util.ArrayList;
import java.util.List;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Reads dmn-scala's audit log of one evaluation: the inputs a decision table saw and the rules
 * that matched (with their 1-based position in the table), as Zeebe reports them.
 */
final class DecisionAudit {

  private static final ValueMapper VALUES = ValueMapper.defaultValueMapper();

  private final List<EvaluatedInput> inputs = new ArrayList<>();
  private final List<MatchedRule> matchedRules = new ArrayList<>();

  private DecisionAudit() {}

  static DecisionAudit of(DmnEngine.EvalResult result, String decisionId) {
    final DecisionAudit audit = new DecisionAudit();
    result.auditLog().entries().foreach(entry -> {
      if (entry.id().equals(decisionId) && entry.result() instanceof Audit.DecisionTableEvaluationResult table
          && entry.decisionLogic() instanceof ParsedDecisionTable logic) {
        audit.read(table, logic);
      }
      return null;
    });
    return audit;
  }

  private void read(Audit.DecisionTableEvaluationResult table, ParsedDecisionTable logic) {
    table.inputs().foreach(input -> inputs.add(
        new EvaluatedInput(input.input().id(), input.input().name(), plain(input.value()))));
    final List<String> ruleIds = new ArrayList<>();
    logic.rules().foreach((ParsedRule rule) -> ruleIds.add(rule.id()));
    table.matchedRules().foreach(matched -> {
      final List<EvaluatedOutput> outputs = new ArrayList<>();
      matched.outputs().foreach(output -> outputs.add(
          new EvaluatedOutput(output.output().id(), output.output().name(), plain(output.value()))));
      matchedRules.add(new MatchedRule(matched.rule().id(), ruleIds.indexOf(matched.rule().id()) + 1, outputs));
      return null;
    });
  }

  private static Object plain(Val value) {
    return DecisionValues.toPlainJava(VALUES.unpackVal(value));
  }

  List<EvaluatedInput> inputs() {
    return List.copyOf(inputs);
  }

  List<MatchedRule> matchedRules() {
    return List.copyOf(matchedRules);
  }
}
