package io.learnops.engine.bpmn;

import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * What one BPMN element family does at the steps of its lifecycle. {@link ElementLifecycle} runs
 * what every element does around these steps (input and output mappings, execution listeners,
 * closing subscriptions on termination) and calls the processor of the instance's element type
 * ({@link ElementProcessors}) in between.
 */
public interface ElementProcessor {

  /**
   * The element's own activation, after its input mappings and start execution listeners. A wait
   * state ends here ACTIVATED (a job, a subscription); an automatic element completes at once.
   *
   * @return true if the element is ACTIVATED and whoever activated it completes it right away with
   *     the variables of the event that activated it (start and boundary events)
   */
  boolean onActivate(ElementInstance instance, FlowNode node);

  /**
   * The element leaves: it is COMPLETING, its output mappings are applied and its end execution
   * listeners done. Usually it completes and takes its outgoing sequence flows.
   */
  void onComplete(ElementInstance instance, FlowNode node);

  /**
   * The element is TERMINATING: everything inside it is terminated, and its subscriptions, timers
   * and job are gone. It lets go of what only its family holds; its incidents are resolved next.
   */
  default void onTerminate(ElementInstance instance, FlowNode node) {
  }

  /**
   * Whether the lifecycle runs the element's input and output mappings and execution listeners
   * around its steps. A multi-instance body does not: they belong to each of its inner instances.
   */
  default boolean runsMappingsAndListeners() {
    return true;
  }
}
