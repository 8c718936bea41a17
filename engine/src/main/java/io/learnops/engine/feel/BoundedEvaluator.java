package io.learnops.engine.feel;

import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import java.util.List;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Evaluates parsed FEEL as feel-engine's {@code FeelEngine} does (built-in functions, the
 * command-time clock, the Java value mapper, the same failure messages), but through a {@link
 * BoundedInterpreter}, which {@code FeelEngine} has no way to take. Whatever an evaluation does,
 * it ends as a value or a failure: past a limit, out of stack or out of memory, the processor
 * thread carries on with the next command.
 */
final class BoundedEvaluator {

  /** Expressions longer than this are shortened in failure messages, which incidents keep. */
  private static final int SHOWN_EXPRESSION_LENGTH = 200;

  private final ValueMapper valueMapper =
      new ValueMapper.CompositeValueMapper(scalaList(List.<CustomValueMapper>of(new JavaValueMapper())));
  private final EvalContext root;

  BoundedEvaluator(FeelEngineClock clock) {
    this.root = EvalContext.create(valueMapper, new FunctionProvider.CompositeFunctionProvider(
        scalaList(List.of(new BuiltinFunctions(clock, valueMapper), FunctionProvider.EmptyFunctionProvider$.MODULE$))));
  }

  /**
   * @param source the expression as written in the model, for messages
   */
  Evaluation evaluate(ParsedExpression expression, String source, Context variables) {
    final EvalContext context = EvalContext.empty(valueMapper).merge(root).merge(variables);
    try {
      final BoundedInterpreter interpreter = new BoundedInterpreter(valueMapper);
      final Val value = interpreter.eval(expression.expression(), context);
      interpreter.failIfExceeded();
      final String failure = failure(expression.text(), value, context);
      return failure != null
          ? Evaluation.failure("failed to evaluate expression '%s': %s".formatted(source, failure))
          : Evaluation.success(FeelValues.toVariableValue(value, valueMapper));
    } catch (LimitExceeded e) {
      return Evaluation.failure(e.describe(shown(source)));
    } catch (StackOverflowError e) {
      return Evaluation.failure(("Expected the expression '%s' to evaluate within the engine's stack, but it nests or "
          + "recurses too deep").formatted(shown(source)));
    } catch (OutOfMemoryError e) {
      // Last resort, for a single step that builds something huge from shared parts (a string join
      // of one long string many times): what the step allocated is unreachable once we are here.
      return Evaluation.failure("Expected the expression '%s' to evaluate within the engine's memory, but it ran out"
          .formatted(shown(source)));
    } catch (RuntimeException e) {
      // feel-engine's own evaluation answers an exception of a built-in function this way, too
      return Evaluation.failure("failed to evaluate expression '%s': failed to evaluate expression '%s' : %s"
          .formatted(source, expression.text(), e));
    }
  }

  /** feel-engine's failure message for the evaluation, or null if the value is its result. */
  private static String failure(String text, Val value, EvalContext context) {
    for (final EvaluationFailure failure : CollectionConverters.asJava(context.failureCollector().failures())) {
      if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
        return "Assertion failure on evaluate the expression '%s': %s".formatted(text, failure.failureMessage());
      }
    }
    if (value instanceof ValError error) {
      return "failed to evaluate expression '%s': %s".formatted(text, error.error());
    }
    if (value instanceof ValFatalError fatal) {
      return "failed to evaluate expression '%s': %s".formatted(text, fatal.error());
    }
    return null;
  }

  /** The expression as a message shows it: whole, unless it is very long. */
  static String shown(String source) {
    return source.length() <= SHOWN_EXPRESSION_LENGTH ? source : source.substring(0, SHOWN_EXPRESSION_LENGTH) + "…";
  }

  private static <T> scala.collection.immutable.List<T> scalaList(List<T> items) {
    return CollectionConverters.asScala(items).toList();
  }
}
