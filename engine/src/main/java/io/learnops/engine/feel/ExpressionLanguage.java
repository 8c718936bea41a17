package io.learnops.engine.feel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * FEEL for the engine, through {@code org.camunda.feel:feel-engine}. Expressions are parsed once
 * at deployment and evaluated against a variable lookup. FEEL's {@code now()} reads the time of
 * the command being processed, so replay evaluates exactly as the first run did. Both are held to
 * the {@link EvaluationLimits}, so that no expression can stop the processor thread.
 */
public final class ExpressionLanguage {

  private final FeelEngineApi feel;
  private final BoundedEvaluator evaluator;
  private volatile long commandTime = System.currentTimeMillis();

  public ExpressionLanguage() {
    this.feel =
        FeelEngineBuilder.forJava()
            .withClock(clock())
            .build();
    this.evaluator = new BoundedEvaluator(clock());
  }

  /** The command-time clock, for other FEEL users (DMN) that must replay as deterministically. */
  public FeelEngineClock clock() {
    return () -> ZonedDateTime.ofInstant(Instant.ofEpochMilli(commandTime), ZoneOffset.UTC);
  }

  /** Sets the time FEEL's now() and today() answer while the current command is processed. */
  public void setCommandTime(long epochMillis) {
    this.commandTime = epochMillis;
  }

  /**
   * Parses text from a model attribute: {@code =expr} is FEEL, anything else is static.
   *
   * @return the expression, or the parse failure message
   */
  public ParseOutcome parse(String text) {
    if (text == null) {
      return new ParseOutcome(null, "no value");
    }
    final String trimmed = text.strip();
    if (!trimmed.startsWith("=")) {
      return new ParseOutcome(Expression.ofStatic(trimmed), null);
    }
    return parseFeel(trimmed.substring(1), trimmed);
  }

  /** Parses text that is always FEEL, with or without a leading {@code =} (conditions). */
  public ParseOutcome parseFeel(String text) {
    final String trimmed = text.strip();
    return parseFeel(trimmed.startsWith("=") ? trimmed.substring(1) : trimmed, trimmed);
  }

  /**
   * Parses FEEL no deeper than {@link EvaluationLimits} allow: the brackets are counted before
   * feel-engine's parser recurses into them, the operations before the interpreter would.
   */
  private ParseOutcome parseFeel(String feelText, String source) {
    final int brackets = ExpressionNesting.brackets(feelText);
    if (brackets > EvaluationLimits.MAX_BRACKET_NESTING) {
      return tooDeep(source, "brackets nested at most %d deep, but they nest %d deep"
          .formatted(EvaluationLimits.MAX_BRACKET_NESTING, brackets));
    }
    final ParseResult result;
    try {
      result = feel.parseExpression(feelText);
    } catch (StackOverflowError e) {
      // below the bracket limit, only a chain of thousands of operators gets here
      return tooDeep(source, "operations nested at most %d deep, but they nest too deep to parse"
          .formatted(EvaluationLimits.MAX_OPERATION_NESTING));
    }
    if (!result.isSuccess()) {
      final String message =
          result instanceof FailedParseResult failed ? failed.failure().message() : "invalid FEEL";
      return new ParseOutcome(null, "failed to parse expression '%s': %s".formatted(source, message));
    }
    if (ExpressionNesting.operations(result.parsedExpression().expression(), EvaluationLimits.MAX_OPERATION_NESTING)
        > EvaluationLimits.MAX_OPERATION_NESTING) {
      return tooDeep(source, "operations nested at most %d deep, but they nest deeper"
          .formatted(EvaluationLimits.MAX_OPERATION_NESTING));
    }
    return new ParseOutcome(new Expression(source, result.parsedExpression(), null), null);
  }

  private static ParseOutcome tooDeep(String source, String nesting) {
    return new ParseOutcome(null, "Expected the expression '%s' to have %s"
        .formatted(BoundedEvaluator.shown(source), nesting));
  }

  /**
   * Evaluates an expression; static expressions evaluate to their text. An evaluation past the
   * {@link EvaluationLimits}, or out of stack or memory, is a failure like any other.
   *
   * @param variables visible variables by name (absent names evaluate to null, as in Zeebe)
   */
  public Evaluation evaluate(Expression expression, VariableLookup variables) {
    if (expression.isStatic()) {
      return Evaluation.success(expression.staticValue());
    }
    return evaluator.evaluate(expression.parsed(), expression.source(), new ScopeContext(variables));
  }

  public record ParseOutcome(Expression expression, String error) {
    public boolean isValid() {
      return error == null;
    }
  }

  /** The value of an expression or why it could not be computed. */
  public record Evaluation(Object value, String error) {
    static Evaluation success(Object value) {
      return new Evaluation(value, null);
    }

    static Evaluation failure(String error) {
      return new Evaluation(null, error);
    }

    public boolean isFailure() {
      return error != null;
    }
  }

  /** Resolves variables on demand, so a scope chain is never copied into a map. */
  private static final class ScopeContext extends CustomContext {
    private final VariableLookup lookup;

    ScopeContext(VariableLookup lookup) {
      this.lookup = lookup;
    }

    @Override
    public VariableProvider variableProvider() {
      return new VariableProvider() {
        @Override
        public Option<Object> getVariable(String name) {
          return lookup.find(name).map(Option::apply).orElse(Option.empty());
        }

        @Override
        public scala.collection.Iterable<String> keys() {
          return CollectionConverters.asScala(lookup.names());
        }
      };
    }
  }

  /** The variables visible to an expression: its element's scope and every scope above it. */
  public interface VariableLookup {
    Optional<Object> find(String name);

    Iterable<String> names();

    static VariableLookup of(Map<String, Object> variables) {
      return new VariableLookup() {
        @Override
        public Optional<Object> find(String name) {
          return Optional.ofNullable(variables.get(name));
        }

        @Override
        public Iterable<String> names() {
          return variables.keySet();
        }
      };
    }
  }
}
