package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.ProgramRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.retire-program}: marks the program retired in the registry
 * (repeatable). Archiving the Moodle course is not done yet: the connector has no course update
 * function (Moodle's {@code core_course_update_courses} with {@code visible=0} would be it).
 */
@Component
public class RetireProgramWorker {

  private final ProgramRegistry registry;

  public RetireProgramWorker(ProgramRegistry registry) {
    this.registry = registry;
  }

  @JobWorker(type = "learnops.evaluation.retire-program", fetchVariables = {"programId", "courseId"})
  public void retireProgram(@Variable(name = "programId") String programId,
      @Variable(name = "courseId") Object courseId) {
    registry.markRetired(programId);
  }
}
