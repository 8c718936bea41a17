package io.learnops.app.programs;

import java.time.Instant;
import java.util.Optional;

/** A decision taken on a program (triage, approval, continue/improve/retire…). */
public record Decision(String decision, String outcome, Optional<String> decidedBy, Optional<String> comment, Instant decidedAt) {}
