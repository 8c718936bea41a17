package io.learnops.app.programs;

import java.util.Optional;
import java.util.UUID;

/**
 * What the intake model reads besides {@link NewProgram}: the triage rubric values
 * ({@code businessImpact}, {@code urgency}, {@code regulatoryRisk}), the {@code topic} and
 * {@code audienceCriteria} the duplicate check compares, and for an improvement request the
 * program it improves and its request id.
 */
public record IntakeProfile(
    String topic,
    String businessImpact,
    String urgency,
    String regulatoryRisk,
    String audienceCriteria,
    Optional<UUID> linkedProgramId,
    Optional<String> requestRef) {

  /**
   * Defaults for a request that gave none: the title as topic, medium impact and urgency, the
   * regulatory risk from the compliance flag, and the requester's business unit as audience.
   */
  public static IntakeProfile defaults(NewProgram request) {
    return new IntakeProfile(request.title(), "medium", "medium",
        request.compliance() ? "mandatory" : "none", departmentCriteria(request.businessUnit()),
        Optional.empty(), Optional.empty());
  }

  /** A SCIM filter clause (workers' {@code AudienceCriteria} syntax) for one department. */
  public static String departmentCriteria(String businessUnit) {
    return "department eq \"" + businessUnit.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public IntakeProfile withOverrides(String topic, String businessImpact, String urgency,
      String regulatoryRisk, String audienceCriteria) {
    return new IntakeProfile(or(topic, this.topic), or(businessImpact, this.businessImpact),
        or(urgency, this.urgency), or(regulatoryRisk, this.regulatoryRisk),
        or(audienceCriteria, this.audienceCriteria), linkedProgramId, requestRef);
  }

  public IntakeProfile linkedTo(UUID linkedProgramId, String requestRef) {
    return new IntakeProfile(topic, businessImpact, urgency, regulatoryRisk, audienceCriteria,
        Optional.of(linkedProgramId), Optional.of(requestRef));
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
