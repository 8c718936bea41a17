package io.learnops.engine.read;

import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.JobValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Job;
import java.util.Set;

/**
 * Jobs: each record describes the job as it now is; a job that left the state (completed,
 * cancelled, error caught) keeps its last description with its final state.
 */
final class JobProjector implements Projector {

  private final EntityStore<JobEntry> store;

  JobProjector(EntityStore<JobEntry> store) {
    this.store = store;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.JOB);
  }

  @Override
  public void seed(EngineState state) {
    state.jobs.values().forEach(job -> put(job.key, job.toValue(), seededState(job), job.state == Job.State.ACTIVATED));
  }

  private static String seededState(Job job) {
    return job.state == Job.State.FAILED || job.state == Job.State.BACKING_OFF ? "FAILED" : "CREATED";
  }

  @Override
  public void project(Record<?> record) {
    final JobValue job = (JobValue) record.value();
    final JobIntent intent = (JobIntent) record.intent();
    switch (intent) {
      case COMPLETED, CANCELED, ERROR_THROWN -> {
        put(record.key(), job, intent.name(), false);
        store.update(record.key(), j -> j.ended(intent.name(), record.timestamp()));
      }
      // Zeebe's job states have no "activated": an activated, yielded or recurred job is CREATED
      case ACTIVATED, TIMEOUT_UPDATED -> put(record.key(), job, "CREATED", true);
      case CREATED, YIELDED, RECURRED_AFTER_BACKOFF -> put(record.key(), job, "CREATED", false);
      // a job keeps its deadline only while activated, and retries may change meanwhile
      case RETRIES_UPDATED -> put(record.key(), job, intent.name(), true);
      case FAILED, TIMED_OUT -> put(record.key(), job, intent.name(), false);
    }
  }

  /** @param activated whether the job is activated now: only then does its deadline count */
  private void put(long key, JobValue j, String state, boolean activated) {
    store.put(key, j.processInstanceKey(), new JobEntry(key, j.type(), j.worker(), state, j.retries(),
        activated ? j.deadline() : -1, -1, j.errorMessage(), j.customHeaders(), j.elementId(), j.elementInstanceKey(),
        j.processInstanceKey(), j.processDefinitionKey(), j.bpmnProcessId(), j.tenantId()));
  }
}
