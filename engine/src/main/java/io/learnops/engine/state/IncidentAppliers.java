package io.learnops.engine.state;

import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.RecordValue.IncidentValue;

/**
 * Incidents in the state. Resolving the incident of a failed job hands the job back to workers,
 * as in Zeebe; what else a resolution runs again is processing's business.
 */
final class IncidentAppliers {

  private final EngineState state;

  IncidentAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<IncidentValue>register(IncidentIntent.CREATED,
        (key, incident, at) -> state.incidents.put(key, Incident.of(key, incident, at)));
    appliers.<IncidentValue>register(IncidentIntent.RESOLVED, (key, incident, at) -> resolved(key));
  }

  private void resolved(long key) {
    final Incident incident = state.incidents.remove(key);
    final Job job = incident.jobKey < 0 ? null : state.jobs.get(incident.jobKey);
    if (job != null && job.state == Job.State.FAILED) {
      state.unindexJob(job);
      JobAppliers.release(job);
      state.indexJob(job);
    }
  }
}
