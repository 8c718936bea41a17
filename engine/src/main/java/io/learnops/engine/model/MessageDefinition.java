package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.Optional;

/** A message reference: its name and, for catch events, the correlation key expression. */
public record MessageDefinition(Expression name, Optional<Expression> correlationKey) {}
