package io.learnops.app.programs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the program API. */
final class ProgramApi {

  private ProgramApi() {}

  @Schema(description = "A training request from a manager: the intake form")
  record IntakeRequest(
      @Schema(example = "GDPR refresher for customer support") @NotBlank @Size(max = 200) String title,
      @Schema(example = "jane.doe@example.com") @NotBlank @Size(max = 120) String requester,
      @Schema(example = "Customer Support") @NotBlank @Size(max = 120) String businessUnit,
      @Schema(example = "250") @NotNull @Positive @Max(1_000_000) Integer audienceSize,
      @Schema(example = "12000.00", description = "in the company's currency")
          @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal budget,
      @Schema(description = "required by a regulation", defaultValue = "false") Boolean compliance,
      @Schema(description = "topic for the duplicate check; default the title") @Size(max = 200) String topic,
      @Schema(description = "triage: business impact; default medium", allowableValues = {"low", "medium", "high"})
          @Pattern(regexp = "low|medium|high") String businessImpact,
      @Schema(description = "triage: urgency; default medium", allowableValues = {"low", "medium", "high"})
          @Pattern(regexp = "low|medium|high") String urgency,
      @Schema(description = "triage: regulatory risk; default mandatory when compliance, else none",
          allowableValues = {"none", "elevated", "mandatory"})
          @Pattern(regexp = "none|elevated|mandatory") String regulatoryRisk,
      @Schema(description = "SCIM filter of the audience; default department eq \"<businessUnit>\"",
          example = "department eq \"Customer Support\"") @Size(max = 1000) String audienceCriteria) {

    NewProgram toNewProgram() {
      return new NewProgram(title.strip(), requester.strip(), businessUnit.strip(), audienceSize, budget,
          Boolean.TRUE.equals(compliance));
    }

    IntakeProfile toProfile() {
      return IntakeProfile.defaults(toNewProgram())
          .withOverrides(topic, businessImpact, urgency, regulatoryRisk, audienceCriteria);
    }
  }

  record ProgramCreated(UUID id, long processInstanceKey, ProgramStatus status) {}

  record ProgramSummary(UUID id, String title, String requester, String businessUnit, ProgramStatus status,
      String currentStage, @Schema(nullable = true) ProgramOutcome outcome, Instant createdAt) {

    static ProgramSummary of(Program program) {
      return new ProgramSummary(program.id(), program.title(), program.requester(), program.businessUnit(),
          program.status(), program.currentStage().orElse(null), program.outcome().orElse(null), program.createdAt());
    }
  }

  record StageView(String stage, Instant enteredAt, @Schema(nullable = true) Instant leftAt) {}

  record DecisionView(String decision, String outcome, String decidedBy, String comment, Instant decidedAt) {}

  record EvaluationView(String metric, BigDecimal value, Instant recordedAt) {}

  record ProgramView(
      UUID id,
      String title,
      String requester,
      String businessUnit,
      int audienceSize,
      BigDecimal budget,
      boolean compliance,
      ProgramStatus status,
      @Schema(nullable = true, description = "the stage the program is in now; empty between stages and once finished")
          String currentStage,
      @Schema(nullable = true) Long processInstanceKey,
      Instant createdAt,
      Instant updatedAt,
      @Schema(nullable = true) Instant endedAt,
      @Schema(nullable = true, description = "how a completed program ended") ProgramOutcome outcome,
      @Schema(nullable = true, description = "the program this one improves") UUID improves,
      @Schema(nullable = true, description = "the improvement request opened after this program's evaluation") UUID improvedBy,
      List<StageView> stages,
      List<DecisionView> decisions,
      List<EvaluationView> evaluationResults) {

    static ProgramView of(ProgramDetails details) {
      final Program p = details.program();
      return new ProgramView(p.id(), p.title(), p.requester(), p.businessUnit(), p.audienceSize(), p.budget(),
          p.compliance(), p.status(), p.currentStage().orElse(null), p.processInstanceKey().orElse(null),
          p.createdAt(), p.updatedAt(), p.endedAt().orElse(null), p.outcome().orElse(null),
          details.improves().orElse(null), details.improvedBy().orElse(null),
          details.stages().stream().map(s -> new StageView(s.stage(), s.enteredAt(), s.leftAt().orElse(null))).toList(),
          details.decisions().stream().map(d -> new DecisionView(d.decision(), d.outcome(),
              d.decidedBy().orElse(null), d.comment().orElse(null), d.decidedAt())).toList(),
          details.evaluationResults().stream().map(e -> new EvaluationView(e.metric(), e.value(), e.recordedAt())).toList());
    }
  }
}
