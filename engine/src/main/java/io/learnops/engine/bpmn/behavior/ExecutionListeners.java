package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.behavior.JobBehavior.JobSpec;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.Incident;
import java.util.List;
import java.util.Map;

/**
 * Execution listeners ({@code zeebe:executionListener}): after an element's input mappings and
 * before its own activation behaviour, and after its output mappings and before it leaves, each
 * listener of that event type runs as a blocking job, one after the other. The element instance
 * counts the listeners done (their job's applier does), so asking again after a listener's job
 * completed creates the next one or lets the element go on.
 */
public final class ExecutionListeners {

  private final JobBehavior jobs;

  public ExecutionListeners(JobBehavior jobs) {
    this.jobs = jobs;
  }

  /**
   * If the element has an execution listener of this event type that has not run yet, creates its
   * job: the element waits for it.
   */
  public boolean awaits(ElementInstance instance, FlowNode node, String eventType) {
    final List<Listener> listeners = node.executionListeners(eventType);
    final int done = Listener.START.equals(eventType) ? instance.startListenersDone : instance.endListenersDone;
    if (done >= listeners.size()) {
      return false;
    }
    final Listener listener = listeners.get(done);
    jobs.create(instance, new JobSpec(listener.type(), listener.retries(), Map.of(), "EXECUTION_LISTENER", eventType,
        Listener.START.equals(eventType) ? Incident.Retry.ACTIVATE : Incident.Retry.COMPLETE, -1));
    return true;
  }
}
