package io.learnops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.connectors.hris.scim.Employee;
import io.learnops.connectors.lms.moodle.CompletionStatus;
import io.learnops.connectors.lms.moodle.Course;
import io.learnops.connectors.lms.moodle.Enrolment;
import io.learnops.connectors.lms.moodle.Learner;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.NewCourse;
import io.learnops.connectors.lms.moodle.NewLearner;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Result;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.StatementQuery;
import io.learnops.connectors.vendor.Money;
import io.learnops.connectors.vendor.PurchaseOrder;
import io.learnops.connectors.vendor.PurchaseOrderConfirmation;
import io.learnops.connectors.vendor.Quote;
import io.learnops.connectors.vendor.QuoteRequest;
import io.learnops.connectors.vendor.VendorClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The delivery stage end to end against the sandbox, the way the workers will run it: course,
 * audience from the HRIS, accounts and enrolments, a purchase order, completions from the LRS,
 * and Moodle's completion status following them.
 */
class LifecycleContractTest extends SandboxContractTest {

  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

  @Test
  void enrol_fifty_engineers_then_completions_posted_to_the_lrs_show_in_moodle() {
    // given a course and 50 active engineers from SCIM, with Moodle accounts, enrolled
    MoodleClient moodle = moodle();
    Course course = moodle.findCourseByIdNumber("program-secure-coding")
        .orElseGet(() -> moodle.createCourse(new NewCourse("Secure Coding", "SEC-2026",
            4, "program-secure-coding", "", Optional.empty(), Optional.empty())));
    List<Employee> audience = scim().activeInDepartment("Engineering", 500).subList(0, 50);
    List<Learner> learners = new ArrayList<>();
    for (Employee employee : audience) {
      String email = employee.email().orElseThrow();
      Learner learner = moodle.findUserByEmail(email).orElseGet(() -> moodle.createUser(
          new NewLearner(employee.userName(), employee.displayName().split(" ")[0],
              employee.displayName().split(" ", 2)[1], email,
              employee.employeeNumber().orElse(""), "oauth2")));
      moodle.enrol(Enrolment.student(learner.id(), course.id()));
      learners.add(learner);
    }
    assertThat(learners).extracting(Learner::email)
        .containsExactlyElementsOf(audience.stream().map(e -> e.email().orElseThrow()).toList());
    assertThat(moodle.completionStatus(course.id(), learners.get(0).id()).completed()).isFalse();

    // when 30 pass, 5 fail and 15 do nothing yet
    String activity = base("/sandbox/moodle").toString() + "/course/view.php?id=" + course.id();
    List<LearningStatement> statements = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      boolean passed = i < 30;
      statements.add(LearningStatement.of(
              Actor.byEmail(learners.get(i).firstName(), learners.get(i).email()),
              passed ? Verb.PASSED : Verb.FAILED, Activity.of(activity), NOW)
          .withResult(Result.scored(passed ? 0.85 : 0.4, passed)));
    }
    xapi().store(statements);

    // then the LRS pages them back and Moodle counts exactly the 30 who passed
    List<LearningStatement> readBack = xapi().queryAll(StatementQuery.all().activity(activity)
        .limit(10), 10);
    assertThat(readBack).hasSize(35);
    List<Boolean> completed = learners.stream()
        .map(l -> moodle.completionStatus(course.id(), l.id()))
        .map(CompletionStatus::completed).toList();
    assertThat(completed.subList(0, 30)).containsOnly(true);
    assertThat(completed.subList(30, 50)).containsOnly(false);
    assertThat(moodle.completionStatus(course.id(), learners.get(0).id()).criteria())
        .singleElement().satisfies(c -> assertThat(c.completedAt()).contains(NOW));
  }

  @Test
  void the_learner_simulator_completes_an_enrolled_audience_through_the_lrs() {
    // given 10 enrolled employees of Sales
    MoodleClient moodle = moodle();
    Course course = moodle.createCourse(new NewCourse("Negotiation", "NEG-1", 1, "program-neg",
        "", Optional.empty(), Optional.empty()));
    List<Learner> learners = new ArrayList<>();
    for (Employee employee : scim().activeInDepartment("Sales", 500).subList(0, 10)) {
      Learner learner = moodle.createUser(new NewLearner(employee.userName(), "First", "Last",
          employee.email().orElseThrow(), "", "manual"));
      moodle.enrol(Enrolment.student(learner.id(), course.id()));
      learners.add(learner);
    }

    // when the admin endpoint lets 70 % of them pass
    HttpResponse<String> response = new SandboxHttp().postJson(
        base("/sandbox/admin/completions"),
        "{\"courseId\":" + course.id() + ",\"passRate\":0.7}");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    long done = learners.stream()
        .filter(l -> moodle.completionStatus(course.id(), l.id()).completed()).count();
    assertThat(done).isEqualTo(7);
    List<LearningStatement> recorded = xapi().queryAll(StatementQuery.all().limit(4), 10);
    assertThat(recorded).hasSize(30)
        .allSatisfy(s -> assertThat(s.result().flatMap(Result::scaled)).isPresent());
    assertThat(recorded.stream().filter(s -> s.activity().id().endsWith("/pre-test"))).hasSize(10);
    assertThat(recorded.stream().filter(s -> s.activity().id().endsWith("/post-test"))).hasSize(10);
    assertThat(recorded.stream().filter(s -> s.verb().id().equals(Verb.PASSED.id())))
        .hasSize(7)
        .allSatisfy(s -> assertThat(s.result().flatMap(Result::scaled).orElseThrow())
            .isBetween(0.7, 1.0));
  }

  @Test
  void quotes_from_three_vendors_then_one_purchase_order_despite_a_retried_job() {
    // given a quote from every demo vendor
    QuoteRequest rfq = new QuoteRequest("program-secure-coding", "Secure coding workshop", "",
        30, LocalDate.now().plusDays(20), LocalDate.now().plusDays(40), "EUR");
    Map<String, Quote> quotes = new LinkedHashMap<>();
    for (String vendorId : List.of("brightpath-learning", "northwind-academy", "skillforge")) {
      VendorClient vendor = vendor(vendorId);
      String id = vendor.requestQuote(rfq, "4711-rfq-" + vendorId).quoteRequestId();
      quotes.put(vendorId, vendor.quotes(id).get(0));
    }
    Map.Entry<String, Quote> cheapest = quotes.entrySet().stream()
        .min(Comparator.comparing(e -> e.getValue().total().amount())).orElseThrow();
    assertThat(cheapest.getKey()).isEqualTo("skillforge");
    assertThat(cheapest.getValue().total()).isEqualTo(Money.of("7650.00", "EUR"));

    // when the job placing the order runs twice with the key derived from the process
    VendorClient vendor = vendor(cheapest.getKey());
    PurchaseOrder order = new PurchaseOrder("PO-2026-0042", cheapest.getValue().id(),
        cheapest.getValue().total(), "CC-3100", List.of());
    PurchaseOrderConfirmation first = vendor.placePurchaseOrder(order, "4711-place-po");
    PurchaseOrderConfirmation retried = vendor.placePurchaseOrder(order, "4711-place-po");

    // then there is one order
    assertThat(retried).isEqualTo(first);
    assertThat(vendor.purchaseOrder(first.vendorOrderId())).contains(first);
    assertThat(vendor.purchaseOrder(nextOrderId(first.vendorOrderId()))).isEmpty();
  }

  /** The id the vendor would have given a second order: it must not exist. */
  private static String nextOrderId(String id) {
    int number = Integer.parseInt(id.substring(id.indexOf('-') + 1));
    return String.format("so-%06d", number + 1);
  }
}
