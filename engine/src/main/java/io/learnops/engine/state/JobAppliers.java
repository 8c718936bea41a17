package io.learnops.engine.state;

import io.learnops.engine.model.Listener;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.JobKind;
import io.learnops.engine.record.RecordValue.JobValue;

/**
 * The job lifecycle in the state: activatable → activated (for a worker, until a deadline) →
 * gone when completed or canceled; failed with retries left → activatable again at once or after
 * a back-off; failed without retries, or an error nobody caught → FAILED until its incident is
 * resolved. Every index (activatable by type, deadlines, back-offs) follows the job's state.
 */
final class JobAppliers {

  private final EngineState state;

  JobAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<JobValue>register(JobIntent.CREATED, (key, job, at) -> created(key, job));
    appliers.<JobValue>register(JobIntent.ACTIVATED, (key, job, at) -> change(key, j -> activate(j, job)));
    appliers.<JobValue>register(JobIntent.COMPLETED, (key, job, at) -> {
      listenerDone(job);
      remove(key);
    });
    appliers.<JobValue>register(JobIntent.CANCELED, (key, job, at) -> remove(key));
    appliers.<JobValue>register(JobIntent.FAILED, (key, job, at) -> change(key, j -> fail(j, job)));
    appliers.<JobValue>register(JobIntent.ERROR_THROWN, (key, job, at) -> change(key, j -> {
      j.state = Job.State.FAILED;
      j.errorMessage = job.errorMessage();
    }));
    appliers.<JobValue>register(JobIntent.RETRIES_UPDATED, (key, job, at) -> change(key, j -> j.retries = job.retries()));
    appliers.<JobValue>register(JobIntent.TIMEOUT_UPDATED, (key, job, at) -> change(key, j -> j.deadline = job.deadline()));
    appliers.<JobValue>register(JobIntent.YIELDED, (key, job, at) -> change(key, JobAppliers::release));
    appliers.<JobValue>register(JobIntent.TIMED_OUT, (key, job, at) -> change(key, JobAppliers::release));
    appliers.<JobValue>register(JobIntent.RECURRED_AFTER_BACKOFF, (key, job, at) -> change(key, JobAppliers::release));
  }

  /** A new job is activatable; unless it runs on its own, its element waits for it. */
  private void created(long key, JobValue value) {
    final Job job = Job.of(key, value);
    state.putJob(job);
    final ElementInstance element = state.elementInstances.get(job.elementInstanceKey);
    if (element != null && !job.isDetached()) {
      element.jobKey = key;
    }
  }

  private static void activate(Job job, JobValue value) {
    job.state = Job.State.ACTIVATED;
    job.worker = value.worker();
    job.deadline = value.deadline();
  }

  private static void fail(Job job, JobValue value) {
    job.retries = value.retries();
    job.errorMessage = value.errorMessage();
    job.worker = "";
    job.deadline = -1;
    job.recurAt = value.recurAt();
    job.state = value.retries() <= 0 ? Job.State.FAILED
        : value.recurAt() >= 0 ? Job.State.BACKING_OFF
        : Job.State.ACTIVATABLE;
  }

  /** Activatable again, for any worker. */
  static void release(Job job) {
    job.state = Job.State.ACTIVATABLE;
    job.worker = "";
    job.deadline = -1;
    job.recurAt = -1;
  }

  /** Changes a job, keeping the indexes of its state, deadline and back-off right. */
  private void change(long key, java.util.function.Consumer<Job> change) {
    final Job job = state.jobs.get(key);
    state.unindexJob(job);
    change.accept(job);
    state.indexJob(job);
  }

  /** A listener's job completed: its element or user task goes on with the next listener. */
  private void listenerDone(JobValue job) {
    if (job.kind() == JobKind.EXECUTION_LISTENER) {
      final ElementInstance element = state.elementInstances.get(job.elementInstanceKey());
      if (element != null && Listener.START.equals(job.listenerEventType())) {
        element.startListenersDone++;
      } else if (element != null) {
        element.endListenersDone++;
      }
    } else if (job.kind() == JobKind.TASK_LISTENER) {
      final UserTask task = state.userTasks.get(job.userTaskKey());
      if (task != null) {
        task.nextListener++;
      }
    }
  }

  /** The job is gone; the element no longer waits for it. */
  private void remove(long key) {
    final Job job = state.jobs.get(key);
    state.removeJob(job);
    final ElementInstance element = state.elementInstances.get(job.elementInstanceKey);
    if (element != null && element.jobKey == key) {
      element.jobKey = -1;
    }
  }
}
