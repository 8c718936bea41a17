package io.learnops.app.programs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A learning program as the registry stores it. */
public record Program(
    UUID id,
    String title,
    String requester,
    String businessUnit,
    int audienceSize,
    BigDecimal budget,
    boolean compliance,
    Optional<String> currentStage,
    ProgramStatus status,
    Optional<Long> processInstanceKey,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> endedAt,
    Optional<ProgramOutcome> outcome) {

  /** A program just taken in, before its process instance exists. */
  public static Program intake(UUID id, NewProgram request, Instant now) {
    return new Program(id, request.title(), request.requester(), request.businessUnit(),
        request.audienceSize(), request.budget(), request.compliance(), Optional.empty(),
        ProgramStatus.STARTING, Optional.empty(), now, now, Optional.empty(), Optional.empty());
  }
}
