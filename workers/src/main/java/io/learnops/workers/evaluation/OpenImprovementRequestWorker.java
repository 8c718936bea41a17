package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.ProgramRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.open-improvement-request}: asks the registry to start the improved
 * program's intake, linked to this one. The new programId is derived from this one
 * ({@code <programId>-improvement}), so a retried job finds the request it opened before.
 */
@Component
public class OpenImprovementRequestWorker {

  private final ProgramRegistry registry;

  public OpenImprovementRequestWorker(ProgramRegistry registry) {
    this.registry = registry;
  }

  @JobWorker(type = "learnops.evaluation.open-improvement-request",
      fetchVariables = {"programId", "title", "reportUrl", "improvementNotes"})
  public Result openImprovementRequest(@Variable(name = "programId") String programId,
      @Variable(name = "title") String title, @Variable(name = "reportUrl") String reportUrl,
      @Variable(name = "improvementNotes") String improvementNotes) {
    String id = improvementId(programId);
    registry.openImprovementRequest(new ProgramRegistry.ImprovementRequest(id, programId,
        title, reportUrl, improvementNotes == null ? "" : improvementNotes));
    return new Result(id);
  }

  static String improvementId(String programId) {
    return programId + "-improvement";
  }

  public record Result(String improvementRequestId) {
  }
}
