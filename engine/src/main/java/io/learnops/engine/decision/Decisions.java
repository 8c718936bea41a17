package io.learnops.engine.decision;

import io.learnops.engine.api.EngineApi.EvaluatedInput;
import io.learnops.engine.api.EngineApi.MatchedRule;

import io.learnops.engine.api.EngineApi.DeployedDecision;
import io.learnops.engine.decision.DmnParser.DecisionInfo;
import io.learnops.engine.decision.DmnParser.ParsedResource;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.DecisionEvaluationIntent;
import io.learnops.engine.record.Intent.DecisionIntent;
import io.learnops.engine.record.Intent.DecisionRequirementsIntent;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.record.RecordValue.DecisionRequirementsValue;
import io.learnops.engine.record.RecordValue.DecisionValue;
import io.learnops.engine.record.RecordValue.DecisionEvaluationValue;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.DecisionRequirements;
import io.learnops.engine.state.EngineState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import scala.util.Either;

/**
 * Deployed decisions: stores new versions of DMN resources and evaluates their decisions. Parsed
 * models are cached by requirements key and rebuilt from the stored bytes after a restart.
 */
public final class Decisions {

  private final EngineState state;
  private final DmnEngine dmn;
  private final DmnParser parser;
  private final Map<Long, ParsedDmn> parsedByRequirementsKey = new HashMap<>();

  public Decisions(EngineState state, DmnEngine dmn) {
    this.state = state;
    this.dmn = dmn;
    this.parser = new DmnParser(dmn);
  }

  public ParsedResource parse(byte[] content) {
    return parser.parse(content);
  }

  /** Where storing writes its records (which the state's appliers apply). */
  @FunctionalInterface
  public interface Writer {
    void write(long key, Intent intent, RecordValue value);
  }

  /**
   * Stores the resource as a new version of its requirements graph unless the latest version has
   * the same bytes; then its decisions are answered unchanged, as Zeebe does.
   */
  public List<DeployedDecision> store(long deploymentKey, String resourceName, byte[] content, ParsedResource parsed,
      String tenantId, Writer records) {
    final String checksum = checksum(resourceName, content);
    final Optional<DecisionRequirements> latest =
        state.latestDecisionRequirements(tenantId, parsed.decisionRequirementsId());
    if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
      return state.decisionDefinitions.stream()
          .filter(d -> d.decisionRequirementsKey == latest.get().key)
          .map(d -> deployed(d, latest.get()))
          .toList();
    }
    final long requirementsKey = state.nextKey();
    final String name = parsed.name() == null ? parsed.decisionRequirementsId() : parsed.name();
    records.write(requirementsKey, DecisionRequirementsIntent.CREATED, new DecisionRequirementsValue(
        parsed.decisionRequirementsId(), name, latest.map(r -> r.version + 1).orElse(1), resourceName, content,
        checksum, deploymentKey, tenantId));
    parsedByRequirementsKey.put(requirementsKey, parsed.parsed());
    final DecisionRequirements requirements = state.decisionRequirements(requirementsKey).orElseThrow();
    final List<DeployedDecision> deployed = new ArrayList<>();
    for (final DecisionInfo info : parsed.decisions()) {
      final long decisionKey = state.nextKey();
      records.write(decisionKey, DecisionIntent.CREATED, new DecisionValue(info.decisionId(), info.decisionName(),
          state.latestDecision(tenantId, info.decisionId()).map(d -> d.version + 1).orElse(1),
          requirements.decisionRequirementsId, requirementsKey, resourceName, deploymentKey, tenantId));
      deployed.add(deployed(state.decision(decisionKey).orElseThrow(), requirements));
    }
    return deployed;
  }

  /** Evaluates a deployed decision; the output is a plain Java value, as variables hold. */
  public Evaluation evaluate(DecisionDefinition decision, Map<String, Object> variables) {
    final DecisionRequirements requirements = requirementsOf(decision);
    final ParsedDmn parsed = parsedByRequirementsKey.computeIfAbsent(requirements.key, k -> reparse(requirements));
    final Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = dmn.eval(parsed, decision.decisionId, variables);
    } catch (RuntimeException e) {
      return Evaluation.failure(decision, e.toString());
    }
    if (result.isLeft()) {
      return Evaluation.failure(decision, result.left().get().failure().message());
    }
    final DmnEngine.EvalResult evaluated = result.right().get();
    final DecisionAudit audit = DecisionAudit.of(evaluated, decision.decisionId);
    return new Evaluation(decision, evaluated.isNil() ? null : DecisionValues.toPlainJava(evaluated.value()), null,
        audit.inputs(), audit.matchedRules());
  }

  /** The deployment metadata of a stored decision, as deploy and evaluate answers carry it. */
  public DeployedDecision describe(DecisionDefinition decision) {
    return deployed(decision, requirementsOf(decision));
  }

  private DecisionRequirements requirementsOf(DecisionDefinition decision) {
    return state.decisionRequirements(decision.decisionRequirementsKey)
        .orElseThrow(() -> new IllegalStateException("no requirements graph for decision " + decision.decisionId));
  }

  private ParsedDmn reparse(DecisionRequirements requirements) {
    final ParsedResource parsed = parser.parse(requirements.resource);
    if (!parsed.isValid()) {
      throw new IllegalStateException("stored resource " + requirements.resourceName + " no longer parses: " + parsed.error());
    }
    return parsed.parsed();
  }

  private static DeployedDecision deployed(DecisionDefinition d, DecisionRequirements r) {
    return new DeployedDecision(d.decisionId, d.decisionName, d.version, d.key, d.decisionRequirementsId,
        d.decisionRequirementsKey, r.name, r.version, d.resourceName, d.tenantId);
  }

  /** Identity of a requirements graph version: its resource's bytes and name. */
  private static String checksum(String resourceName, byte[] content) {
    try {
      final MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(resourceName.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(content);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The output of a decision, or why it could not be evaluated; for a decision table also the
   * inputs it saw and the rules that matched.
   */
  public record Evaluation(DecisionDefinition decision, Object output, String error, List<EvaluatedInput> inputs,
      List<MatchedRule> matchedRules) {
    static Evaluation failure(DecisionDefinition decision, String error) {
      return new Evaluation(decision, null, error, List.of(), List.of());
    }

    public boolean isFailure() {
      return error != null;
    }

    public DecisionEvaluationIntent intent() {
      return isFailure() ? DecisionEvaluationIntent.FAILED : DecisionEvaluationIntent.EVALUATED;
    }

    /** The evaluation as a record value; {@code task} is the business rule task, or null for EvaluateDecision. */
    public DecisionEvaluationValue toValue(ElementInstance task) {
      final boolean inTask = task != null;
      return new DecisionEvaluationValue(decision.key, decision.decisionId, decision.decisionName, decision.version,
          decision.decisionRequirementsKey, decision.decisionRequirementsId, output, error, inputs, matchedRules,
          inTask ? task.key : -1, inTask ? task.elementId : "", inTask ? task.processInstanceKey : -1,
          inTask ? task.processDefinitionKey : -1, inTask ? task.bpmnProcessId : "", decision.tenantId);
    }
  }
}
