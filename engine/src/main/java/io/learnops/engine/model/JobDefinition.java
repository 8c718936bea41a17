package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.Map;

/** {@code zeebe:taskDefinition} plus {@code zeebe:taskHeaders} of a job worker task. */
public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {}
