package io.learnops.app.delivery;

import io.learnops.connectors.lms.xapi.StatementQuery;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.workers.support.ConnectorsProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Confirms finished cohorts from the LRS, so nobody has to: every run, for each delivery waiting
 * at {@code AwaitCompletions}, counts the learners with a finishing statement on the course
 * activity ({@code activity-base} + courseId, see {@link FinishedLearners}) and, once they are as
 * many as the delivery enrolled, publishes {@link CohortCompletedMessage}. Cohorts that will never
 * all finish (leavers) are still confirmed by hand, or run into the delivery's deadline.
 *
 * <p>A failing engine or LRS costs one run, not the watcher: each failure is logged and the next
 * run tries again, and one program's failure does not keep the others from being checked. Every
 * run counts {@code learnops.delivery.completion_checks}.
 */
@Component
@ConditionalOnProperty(name = "learnops.delivery.completion-watch.enabled", matchIfMissing = true)
class CohortProgressWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(CohortProgressWatcher.class);

  private final WaitingCohorts cohorts;
  private final XapiClient lrs;
  private final ConnectorsProperties.Xapi settings;
  private final CohortCompletedMessage message;
  private final Counter checks;

  CohortProgressWatcher(WaitingCohorts cohorts, XapiClient lrs, ConnectorsProperties connectors,
      CohortCompletedMessage message, MeterRegistry meters) {
    this.cohorts = cohorts;
    this.lrs = lrs;
    this.settings = connectors.xapi();
    this.message = message;
    this.checks = Counter.builder("learnops.delivery.completion_checks")
        .description("Runs of the check for cohorts the LRS shows as finished").register(meters);
  }

  @Scheduled(fixedDelayString = "${learnops.delivery.completion-watch.interval:PT1M}")
  void checkWaitingCohorts() {
    try {
      for (long processInstanceKey : cohorts.processInstanceKeys()) {
        try {
          cohorts.of(processInstanceKey).ifPresent(this::check);
        } catch (RuntimeException e) {
          LOG.warn("Cannot check the cohort of delivery {}, next run tries again: {}",
              processInstanceKey, e.toString());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot look for deliveries awaiting their cohort, next run tries again: {}", e.toString());
    } finally {
      checks.increment();
    }
  }

  private void check(WaitingCohort cohort) {
    if (cohort.audienceSize() <= 0) {
      return;
    }
    final String activity = settings.activityBase() + cohort.courseId();
    final int finished = FinishedLearners.count(activity,
        lrs.queryAll(StatementQuery.all().activity(activity), settings.maxPages()));
    if (finished >= cohort.audienceSize()) {
      LOG.info("Cohort of program {} has finished according to the LRS ({}/{} learners); delivery goes on",
          cohort.programId(), finished, cohort.audienceSize());
      message.publish(cohort.programId());
    }
  }
}
