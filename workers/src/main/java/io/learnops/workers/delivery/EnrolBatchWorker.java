package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.connectors.hris.scim.Employee;
import io.learnops.connectors.hris.scim.ScimClient;
import io.learnops.connectors.hris.scim.ScimFilter;
import io.learnops.connectors.lms.moodle.Enrolment;
import io.learnops.connectors.lms.moodle.Learner;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.NewLearner;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.Variables;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.enrol-batch}: enrols one batch of learners (work e-mails) as students
 * in the course. Idempotent: a learner's Moodle account is looked up by e-mail before it is
 * created (from the HRIS record), and {@code enrol_manual_enrol_users} is repeatable (Moodle
 * updates an existing manual enrolment instead of adding one), so a retried batch enrols nobody
 * twice. A learner no longer in the HRIS is skipped and logged, not failed.
 */
@Component
public class EnrolBatchWorker {

  static final String TYPE = "learnops.delivery.enrol-batch";
  private static final Logger LOG = LoggerFactory.getLogger(EnrolBatchWorker.class);

  private final MoodleClient moodle;
  private final ScimClient scim;

  public EnrolBatchWorker(MoodleClient moodle, ScimClient scim) {
    this.moodle = moodle;
    this.scim = scim;
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId", "courseId", "batch"})
  public void enrolBatch(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "courseId") Long courseId, @Variable(name = "batch") List<String> batch) {
    for (String email : Variables.strings(batch)) {
      ConnectorErrors.call(job, () -> {
        account(email).ifPresentOrElse(
            learner -> moodle.enrol(Enrolment.student(learner.id(), courseId)),
            () -> LOG.warn("Program {}: learner {} not in the HRIS any more, not enrolled",
                programId, email));
        return null;
      });
    }
  }

  private Optional<Learner> account(String email) {
    return moodle.findUserByEmail(email).or(() -> employee(email).map(this::createAccount));
  }

  private Optional<Employee> employee(String email) {
    return scim.findAll(ScimFilter.eq("emails.value", email), 2).stream().findFirst();
  }

  private Learner createAccount(Employee employee) {
    String email = employee.email().orElseThrow();
    String name = employee.displayName() == null ? email : employee.displayName().trim();
    int space = name.lastIndexOf(' ');
    String first = space > 0 ? name.substring(0, space) : name;
    String last = space > 0 ? name.substring(space + 1) : "-";
    return moodle.createUser(new NewLearner(employee.userName().toLowerCase(Locale.ROOT), first,
        last, email, employee.employeeNumber().orElse(""), null));
  }
}
