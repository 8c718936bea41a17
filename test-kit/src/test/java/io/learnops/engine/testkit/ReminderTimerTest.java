package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.reminder;
import static io.learnops.engine.testkit.Processes.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code increaseTime} moves the engine's clock through the management port: timers fire at once. */
@LearnOpsProcessTest
class ReminderTimerTest {

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @Test
  void theReminderGoesOutThreeDaysLater() {
    // given
    deploy(client, reminder());
    processTestContext.mockJobWorker("remind").thenComplete();
    final ProcessInstanceEvent instance = start(client, "reminder", Map.of());
    assertThat(instance).isActive().hasActiveElements("threeDays");

    // when
    processTestContext.increaseTime(Duration.ofDays(3));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("threeDays", "remind", "reminded");
  }

  @Test
  void theEngineTimeIsWhatTheContextReports() {
    // given
    final Instant before = processTestContext.getCurrentTime();

    // when
    processTestContext.increaseTime(Duration.ofDays(30));

    // then
    assertThat(processTestContext.getCurrentTime()).isAfterOrEqualTo(before.plus(Duration.ofDays(30)));
  }
}
