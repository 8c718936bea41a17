package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.JobBehavior;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * Service and send tasks, and script and business rule tasks that a job worker implements: the
 * task opens its boundary events, is ACTIVATED and creates its job; it completes with the job's
 * variables when a worker completes the job.
 */
public final class JobWorkerTaskProcessor implements ElementProcessor {

  private final EventSubscriptions subscriptions;
  private final JobBehavior jobs;
  private final SequenceFlows flows;

  public JobWorkerTaskProcessor(EventSubscriptions subscriptions, JobBehavior jobs, SequenceFlows flows) {
    this.subscriptions = subscriptions;
    this.jobs = jobs;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openBoundaryEvents(instance, node)) {
      jobs.activateWithJob(instance, node);
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }
}
