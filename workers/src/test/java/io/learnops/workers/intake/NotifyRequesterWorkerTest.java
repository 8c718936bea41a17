package io.learnops.workers.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.workers.ports.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyRequesterWorkerTest {

  @Test
  void the_requester_gets_decision_and_reason_under_a_key_that_repeats_for_a_retried_job() {
    List<Notifier.Notification> sent = new ArrayList<>();
    var worker = new NotifyRequesterWorker(sent::add);

    worker.notifyRequester("P-1", "ada@x.org", "invalid", "title is missing");
    worker.notifyRequester("P-1", "ada@x.org", "invalid", "title is missing");

    assertThat(sent).hasSize(2).allSatisfy(n -> {
      assertThat(n.key()).isEqualTo("intake:P-1:invalid");
      assertThat(n.recipient()).isEqualTo("ada@x.org");
      assertThat(n.subject()).contains("incomplete");
      assertThat(n.body()).isEqualTo("title is missing");
    });
  }
}
