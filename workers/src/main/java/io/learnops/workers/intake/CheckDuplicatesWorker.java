package io.learnops.workers.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.ProgramRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.intake.check-duplicates}: compares the request with the open programs of the
 * {@link ProgramRegistry} ({@link DuplicateMatcher}). Never fails the request: duplicates are
 * shown to the L&D owner. Reading only, so a retry is harmless.
 */
@Component
public class CheckDuplicatesWorker {

  private final ProgramRegistry registry;

  public CheckDuplicatesWorker(ProgramRegistry registry) {
    this.registry = registry;
  }

  @JobWorker(type = "learnops.intake.check-duplicates",
      fetchVariables = {"programId", "title", "topic", "audienceCriteria"})
  public Result checkDuplicates(@Variable(name = "programId") String programId,
      @Variable(name = "title") String title, @Variable(name = "topic") String topic,
      @Variable(name = "audienceCriteria") Object audienceCriteria) {
    List<DuplicateMatcher.Match> matches = DuplicateMatcher.matches(title, topic,
        audienceCriteria, registry.openPrograms(programId));
    return new Result(DuplicateMatcher.duplicate(matches).map(m -> m.program().programId())
        .orElse(null),
        matches.stream().map(m -> new SimilarProgram(m.program().programId(),
            m.program().title(), m.program().stage(), m.similarity())).toList());
  }

  public record SimilarProgram(String programId, String title, String stage, double similarity) {
  }

  public record Result(String duplicateOf, List<SimilarProgram> similarPrograms) {
  }
}
