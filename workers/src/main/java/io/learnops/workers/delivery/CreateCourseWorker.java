package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.connectors.lms.moodle.Course;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.NewCourse;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.ConnectorsProperties;
import io.learnops.workers.support.Variables;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.create-course}: the program's course in Moodle, found by
 * {@code idnumber = programId} before it is created, so a retried job (or a second pass after
 * {@code FixCourseSetup}) reuses the course instead of creating another. A Moodle "no" is
 * {@code LMS_REJECTED} with {@code lmsError}.
 */
@Component
public class CreateCourseWorker {

  static final String TYPE = "learnops.delivery.create-course";
  static final String LMS_REJECTED = "LMS_REJECTED";

  private final MoodleClient moodle;
  private final long categoryId;

  public CreateCourseWorker(MoodleClient moodle, ConnectorsProperties properties) {
    this.moodle = moodle;
    this.categoryId = properties.moodle().categoryId();
  }

  @JobWorker(type = TYPE,
      fetchVariables = {"programId", "title", "learningObjectives", "deliveryFormat"})
  public Result createCourse(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "title") String title,
      @Variable(name = "learningObjectives") Object learningObjectives,
      @Variable(name = "deliveryFormat") String deliveryFormat) {
    Course course = ConnectorErrors.call(job,
        () -> moodle.findCourseByIdNumber(programId)
            .orElseGet(() -> moodle.createCourse(newCourse(programId, title, learningObjectives,
                deliveryFormat))),
        rejection -> ConnectorErrors.bpmnError(LMS_REJECTED, rejection, "lmsError"));
    return new Result(course.id());
  }

  private NewCourse newCourse(String programId, String title, Object objectives, String format) {
    String summary = Variables.lines(objectives)
        + (format == null ? "" : "\n\nFormat: " + format);
    return new NewCourse(Optional.ofNullable(title).orElse(programId), programId, categoryId,
        programId, summary, Optional.empty(), Optional.empty());
  }

  /** @param courseId the Moodle course id */
  public record Result(long courseId) {
  }
}
