package io.learnops.engine.decision;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;
import scala.util.Either;

/** Parses DMN resources with dmn-scala, turning its failures (and malformed XML) into messages. */
public final class DmnParser {

  private final DmnEngine dmn;

  public DmnParser(DmnEngine dmn) {
    this.dmn = dmn;
  }

  public ParsedResource parse(byte[] content) {
    final Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = dmn.parse(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      // the DMN model reader throws on XML that is not DMN at all instead of returning a failure
      return ParsedResource.invalid(String.valueOf(e.getMessage()));
    }
    if (result.isLeft()) {
      return ParsedResource.invalid(result.left().get().message());
    }
    final ParsedDmn parsed = result.right().get();
    final Definitions definitions = parsed.model().getDefinitions();
    final List<DecisionInfo> decisions = new ArrayList<>();
    parsed.decisions().foreach(d -> decisions.add(new DecisionInfo(d.id(), name(d))));
    if (decisions.isEmpty()) {
      return ParsedResource.invalid("expected at least one decision, but none found");
    }
    return new ParsedResource(definitions.getId(), definitions.getName(), decisions, parsed, null);
  }

  private static String name(ParsedDecision decision) {
    return decision.name() == null ? decision.id() : decision.name();
  }

  public record DecisionInfo(String decisionId, String decisionName) {}

  /** A parsed DMN resource: its requirements graph's id and name and its decisions, or why it is invalid. */
  public record ParsedResource(String decisionRequirementsId, String name, List<DecisionInfo> decisions,
      ParsedDmn parsed, String error) {
    static ParsedResource invalid(String error) {
      return new ParsedResource(null, null, List.of(), null, error);
    }

    public boolean isValid() {
      return error == null;
    }
  }
}
