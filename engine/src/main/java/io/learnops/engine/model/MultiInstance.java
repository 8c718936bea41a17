package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.Optional;

/**
 * Multi-instance characteristics of an activity: one inner instance per item of the input
 * collection, all at once (parallel) or one after another (sequential), optionally collecting one
 * output element per item and stopping early when the completion condition holds.
 */
public record MultiInstance(
    boolean sequential,
    Expression inputCollection,
    Optional<String> inputElement,
    Optional<String> outputCollection,
    Optional<Expression> outputElement,
    Optional<Expression> completionCondition) {}
