package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;
import java.util.Optional;

/** A sequence flow; {@code condition} is only set on flows leaving an exclusive gateway. */
public record SequenceFlow(String id, String sourceId, String targetId, Optional<Expression> condition) {}
