package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("delivery.bpmn", "delivery-issue.form");
  }

  private static long startDelivery(String programId, String designChoice) {
    return ENGINE.start("delivery", Fixtures.merge(Fixtures.request(programId), Fixtures.sla(),
        Map.of("designChoice", designChoice, "learningObjectives", "Handle GDPR requests", "deliveryFormat", "virtual",
            "selectedVendor", Map.of("id", "v1"), "quotedCost", 18000)));
  }

  @Test
  void a_bought_program_is_created_enrolled_in_batches_ordered_and_completed() {
    long delivery = startDelivery("P-400", "buy");

    // the LMS refuses the course once; L&D ops fixes it and the course is created again
    ENGINE.throwError(delivery, "learnops.delivery.create-course", "LMS_REJECTED");
    var fix = ENGINE.completeUserTask(delivery, "FixCourseSetup", Map.of("title", "Data privacy 101"));
    assertThat(fix.getCandidateGroups()).containsExactly("ld-ops");
    ENGINE.completeJob(delivery, "learnops.delivery.create-course", Map.of("courseId", "C-9"));
    ENGINE.completeJob(delivery, "learnops.delivery.resolve-audience",
        Map.of("audienceBatches", List.of(List.of("u1", "u2"), List.of("u3")), "audienceSize", 3));

    var batches = List.of(ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch"),
        ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch"));
    assertThat(batches).extracting(j -> j.getVariablesAsMap().get("batch"))
        .containsExactlyInAnyOrder(List.of("u1", "u2"), List.of("u3"));
    var order = ENGINE.completeJob(delivery, "learnops.delivery.raise-purchase-order", Map.of("purchaseOrderId", "PO-1"));
    assertThat(order.getVariablesAsMap()).containsEntry("quotedCost", 18000);
    ENGINE.completeJob(delivery, "learnops.delivery.schedule-sessions", Map.of("deliveryEnd", "2026-04-30T17:00:00Z"));
    ENGINE.awaitElement(delivery, "AwaitCompletions", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    ENGINE.publish("learnops.delivery.cohort-completed", "P-400", Map.of());

    var collect = ENGINE.completeJob(delivery, "learnops.delivery.collect-completions",
        Map.of("completionRate", 1.0, "onTimeCompletionRate", 0.9, "completedCount", 3, "assignedCount", 3));
    assertThat(collect.getVariablesAsMap()).containsEntry("courseId", "C-9");
    ENGINE.awaitCompleted(delivery);
    assertThat(ENGINE.completedElements(delivery))
        .containsSubsequence("LmsRejected", "FixCourseSetup", "CreateCourse", "ResolveAudience", "RaisePurchaseOrder",
            "ScheduleSessions", "AwaitCompletions", "CollectCompletions")
        .doesNotContain("CompletionDeadline");
  }

  @Test
  void a_built_program_without_learners_waits_for_the_fixed_audience_and_stops_waiting_at_the_deadline() {
    long delivery = startDelivery("P-401", "build");
    ENGINE.completeJob(delivery, "learnops.delivery.create-course", Map.of("courseId", "C-10"));
    ENGINE.throwError(delivery, "learnops.delivery.resolve-audience", "AUDIENCE_EMPTY");
    ENGINE.completeUserTask(delivery, "FixAudience", Map.of("audienceCriteria", "department eq \"Customer Support\""));
    var resolve = ENGINE.completeJob(delivery, "learnops.delivery.resolve-audience",
        Map.of("audienceBatches", List.of(List.of("u9")), "audienceSize", 1));
    assertThat(resolve.getVariablesAsMap()).containsEntry("audienceCriteria", "department eq \"Customer Support\"");
    ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch");
    ENGINE.completeJob(delivery, "learnops.delivery.schedule-sessions", Map.of("deliveryEnd", "2026-04-30T17:00:00Z"));
    ENGINE.awaitElement(delivery, "AwaitCompletions", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    ENGINE.advanceClock(Duration.ofDays(60));

    ENGINE.completeJob(delivery, "learnops.delivery.collect-completions", Map.of("completionRate", 0.5));
    ENGINE.awaitCompleted(delivery);
    assertThat(ENGINE.completedElements(delivery)).contains("AudienceEmpty", "FixAudience", "CompletionDeadline")
        .doesNotContain("RaisePurchaseOrder");
  }
}
