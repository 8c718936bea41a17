package io.learnops.app.programs;

import java.math.BigDecimal;
import java.time.Instant;

/** One measured evaluation result of a program (completion rate, NPS, ROI %…). */
public record EvaluationResult(String metric, BigDecimal value, Instant recordedAt) {}
