package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.Job;
import java.util.Map;
import java.util.Set;

/**
 * Jobs. A job's attributes are read from the live state while it exists; a job that left the state
 * (completed, cancelled, error caught) keeps its last description with its final state.
 */
final class JobProjector implements Projector {

  private final EntityStore<JobEntry> store;

  JobProjector(EntityStore<JobEntry> store) {
    this.store = store;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("JOB");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().jobs.values().forEach(job -> put(job, seededState(job)));
  }

  private static String seededState(Job job) {
    return job.state == Job.State.FAILED || job.state == Job.State.BACKING_OFF ? "FAILED" : "CREATED";
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    final Job live = lookup.state().jobs.get(event.key());
    switch (event.intent()) {
      case "COMPLETED", "CANCELED" -> store.update(event.key(), j -> j.ended(event.intent(), event.timestamp()));
      case "ERROR_THROWN" -> {
        refresh(live, "ERROR_THROWN");
        store.update(event.key(), j -> j.ended("ERROR_THROWN", event.timestamp()));
      }
      // Zeebe's job states have no "activated": an activated, yielded or recurred job is CREATED
      case "CREATED", "ACTIVATED", "YIELDED", "RECURRED_AFTER_BACKOFF", "TIMEOUT_UPDATED" -> refresh(live, "CREATED");
      default -> refresh(live, event.intent()); // FAILED, RETRIES_UPDATED, TIMED_OUT
    }
  }

  private void refresh(Job live, String state) {
    if (live != null) {
      put(live, state);
    }
  }

  private void put(Job j, String state) {
    final long deadline = j.state == Job.State.ACTIVATED ? j.deadline : -1;
    store.put(j.key, j.processInstanceKey, new JobEntry(j.key, j.type, j.worker, state, j.retries, deadline, -1,
        j.errorMessage, j.customHeaders == null ? Map.of() : Map.copyOf(j.customHeaders), j.elementId,
        j.elementInstanceKey, j.processInstanceKey, j.processDefinitionKey, j.bpmnProcessId, j.tenantId));
  }
}
