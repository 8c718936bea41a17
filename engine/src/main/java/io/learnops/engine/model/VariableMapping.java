package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: the source expression and the target name. */
public record VariableMapping(Expression source, String target) {}
