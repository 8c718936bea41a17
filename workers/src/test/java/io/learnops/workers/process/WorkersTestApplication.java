package io.learnops.workers.process;

import static org.mockito.Mockito.mock;

import io.learnops.workers.ports.CostLedger;
import io.learnops.workers.ports.DecisionLog;
import io.learnops.workers.ports.Notifier;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.ReportStore;
import io.learnops.workers.ports.SessionCalendar;
import io.learnops.workers.ports.SurveyService;
import io.learnops.workers.ports.TaskTimings;
import io.learnops.workers.ports.VendorCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the app contributes around the workers: the Camunda starter and the workers'
 * auto-configuration come from the classpath; the ports are test doubles. Ports the delivery
 * stage does not use are mocks (a call to them would fail the stage).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WorkersTestApplication {

  static final Instant DELIVERY_END = Instant.parse("2026-04-30T17:00:00Z");

  @Bean
  SessionCalendar sessionCalendar() {
    return (programId, courseId, format) -> List.of(
        new SessionCalendar.Session(Instant.parse("2026-04-06T09:00:00Z"),
            Instant.parse("2026-04-06T12:00:00Z"), "virtual"),
        new SessionCalendar.Session(Instant.parse("2026-04-30T14:00:00Z"), DELIVERY_END,
            "virtual"));
  }

  @Bean
  RecordingTaskTimings taskTimings() {
    return new RecordingTaskTimings();
  }

  @Bean
  DecisionLog decisionLog() {
    return decision -> { };
  }

  @Bean
  ProgramRegistry programRegistry() {
    return mock(ProgramRegistry.class);
  }

  @Bean
  VendorCatalogue vendorCatalogue() {
    return mock(VendorCatalogue.class);
  }

  @Bean
  SurveyService surveyService() {
    return mock(SurveyService.class);
  }

  @Bean
  ReportStore reportStore() {
    return mock(ReportStore.class);
  }

  @Bean
  CostLedger costLedger() {
    return mock(CostLedger.class);
  }

  @Bean
  RecordingNotifier notifier() {
    return new RecordingNotifier();
  }

  /** Keeps the notifications the workers send. */
  static final class RecordingNotifier implements Notifier {

    final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Notification notification) {
      sent.add(notification);
    }
  }

  /** Keeps the user-task events the task listener worker records. */
  static final class RecordingTaskTimings implements TaskTimings {

    final List<TaskEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(TaskEvent event) {
      events.add(event);
    }
  }
}
