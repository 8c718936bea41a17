package io.learnops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.learnops.workers.ports.Notifier;
import io.learnops.workers.support.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewNotificationsTest {

  private final List<Notifier.Notification> sent = new ArrayList<>();

  @Test
  void escalation_goes_to_the_escalation_owner_once_per_program_and_group() {
    new EscalateApprovalWorker(sent::add).escalateApproval("P-1", "finance", "ld-manager");

    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("ld-manager");
      assertThat(n.key()).isEqualTo("escalation:P-1:finance");
      assertThat(n.body()).contains("finance");
    });
  }

  @Test
  void a_reminder_goes_to_the_group_keyed_by_the_reminder_instance() {
    var job = Jobs.job();
    when(job.getElementInstanceKey()).thenReturn(77L);

    new SendReminderWorker(sent::add).sendReminder(job, "P-1", "finance", "GDPR");

    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("finance");
      assertThat(n.key()).isEqualTo("reminder:P-1:finance:77");
      assertThat(n.subject()).contains("GDPR");
    });
  }

  @Test
  void the_outcome_lists_each_group_with_its_comment() {
    var job = Jobs.job();
    when(job.getElementInstanceKey()).thenReturn(88L);

    new NotifyOutcomeWorker(sent::add).notifyOutcome(job, "P-1", "ada@x.org", "changes-requested",
        List.of(Map.of("group", "ld-manager", "outcome", "approved", "comment", ""),
            Map.of("group", "finance", "outcome", "changes-requested", "comment", "too costly")));

    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("ada@x.org");
      assertThat(n.subject()).endsWith("changes-requested");
      assertThat(n.body()).isEqualTo(
          "- ld-manager: approved\n- finance: changes-requested (too costly)");
    });
  }
}
