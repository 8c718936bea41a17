package io.learnops.engine.bpmn;

import io.learnops.engine.bpmn.behavior.EndedInstances;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.ExecutionListeners;
import io.learnops.engine.bpmn.behavior.FlowsInFlight;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.JobBehavior;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.bpmn.behavior.VariableMappings;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import java.util.List;
import java.util.Map;

/**
 * Runs element instances through their lifecycle — ACTIVATING → ACTIVATED → COMPLETING →
 * COMPLETED, or TERMINATING → TERMINATED — doing what every element does at each step and handing
 * the rest to the processor of the instance's element type ({@link ElementProcessors}):
 *
 * <ul>
 *   <li>activation: input mappings, start execution listeners, then {@link ElementProcessor#onActivate};
 *   <li>completion: COMPLETING, output mappings, end execution listeners, then {@link
 *       ElementProcessor#onComplete}, which usually leaves by the sequence flows;
 *   <li>termination: TERMINATING, everything inside terminated, subscriptions, timers and job gone,
 *       {@link ElementProcessor#onTerminate}, incidents resolved, TERMINATED; then the flow scope's
 *       {@link ContainerProcessor} hears of it.
 * </ul>
 *
 * <p>Processors and behaviours that start or end other elements (a subprocess its start event, a
 * boundary event its activity) ask here, as Zeebe's processors ask its state transition behaviour.
 * The steps run at once, in the order Zeebe writes their records; work that Zeebe does later in
 * the same command waits in {@link io.learnops.engine.bpmn.behavior.FollowUps}.
 */
public final class ElementLifecycle {

  private final ElementProcessors processors;
  private final EngineState state;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final VariableBehavior variables;
  private final VariableMappings mappings;
  private final ExecutionListeners listeners;
  private final EventSubscriptions subscriptions;
  private final JobBehavior jobs;
  private final IncidentBehavior incidents;
  private final FlowsInFlight inFlight;
  private final EndedInstances ended;

  ElementLifecycle(ElementProcessors processors, EngineState state, InstanceNavigation navigation,
      StateTransitions transitions, VariableBehavior variables, VariableMappings mappings, ExecutionListeners listeners,
      EventSubscriptions subscriptions, JobBehavior jobs, IncidentBehavior incidents, FlowsInFlight inFlight,
      EndedInstances ended) {
    this.processors = processors;
    this.state = state;
    this.navigation = navigation;
    this.transitions = transitions;
    this.variables = variables;
    this.mappings = mappings;
    this.listeners = listeners;
    this.subscriptions = subscriptions;
    this.jobs = jobs;
    this.incidents = incidents;
    this.inFlight = inFlight;
    this.ended = ended;
  }

  // ---- activation -----------------------------------------------------------------------

  /**
   * Activates the element in the scope (its multi-instance body, if it has one).
   *
   * @return the instance if its processor leaves its completion to the caller (start and boundary
   *     events, which complete with their event's variables), else null
   */
  public ElementInstance activate(FlowNode node, ElementInstance scope) {
    final ElementInstance instance =
        transitions.newInstance(node, scope, node.multiInstance().isPresent() ? ElementType.MULTI_INSTANCE_BODY : node.type());
    return runActivation(instance) ? instance : null;
  }

  /**
   * Activates a catch event whose event already happened (chosen at an event-based gateway, or
   * starting an event subprocess) and completes it with the event's variables.
   */
  public void activateTriggered(FlowNode node, ElementInstance scope, Map<String, Object> eventVariables) {
    final ElementInstance instance = transitions.newInstance(node, scope, node.type());
    if (mappings.applyInput(instance, node)) {
      transitions.transition(instance, ElementState.ACTIVATED);
      complete(instance, eventVariables);
    }
  }

  /**
   * Runs the activation of an ACTIVATING instance, or runs it again after a start listener or an
   * incident stopped it.
   *
   * @return see {@link ElementProcessor#onActivate}
   */
  public boolean runActivation(ElementInstance instance) {
    final FlowNode node = navigation.node(instance);
    final ElementProcessor processor = processors.of(instance.type);
    if (processor.runsMappingsAndListeners()) {
      if (instance.startListenersDone == 0 && !mappings.applyInput(instance, node)) {
        return false;
      }
      if (listeners.awaits(instance, node, Listener.START)) {
        return false;
      }
    }
    return processor.onActivate(instance, node);
  }

  // ---- completion -----------------------------------------------------------------------

  /** An element with nothing to wait for (a gateway, an undefined task): ACTIVATED, then completed at once. */
  public void passThrough(ElementInstance instance) {
    transitions.transition(instance, ElementState.ACTIVATED);
    complete(instance, null);
  }

  /** Applies event or job variables, then completes: with output mappings they stay local first. */
  public void complete(ElementInstance instance, Map<String, Object> completionVariables) {
    if (completionVariables != null && !completionVariables.isEmpty()) {
      if (navigation.node(instance).outputs().isEmpty()) {
        variables.propagate(instance.key, completionVariables);
      } else {
        variables.setLocal(instance.key, completionVariables);
      }
    }
    runCompletion(instance);
  }

  /** Runs the completion of an instance, or runs it again after an end listener or an incident stopped it. */
  public void runCompletion(ElementInstance instance) {
    final FlowNode node = navigation.node(instance);
    final ElementProcessor processor = processors.of(instance.type);
    if (processor.runsMappingsAndListeners()) {
      if (instance.state != ElementState.COMPLETING) {
        transitions.transition(instance, ElementState.COMPLETING);
      }
      if (instance.endListenersDone == 0 && !mappings.applyOutput(instance, node)) {
        return;
      }
      if (listeners.awaits(instance, node, Listener.END)) {
        return;
      }
    }
    processor.onComplete(instance, node);
  }

  /**
   * An execution listener's job completed. Variables of a start listener become local variables of
   * the element (its expressions see them); those of an end listener go to the element's scope.
   * Then the next listener runs, or the element goes on with its activation or completion.
   */
  public void continueAfterListener(ElementInstance instance, String eventType, Map<String, Object> jobVariables) {
    if (Listener.START.equals(eventType)) {
      variables.setLocal(instance.key, jobVariables);
      if (runActivation(instance)) {
        complete(instance, null);
      }
    } else {
      variables.propagate(instance.isRoot() ? instance.key : instance.flowScopeKey, jobVariables);
      runCompletion(instance);
    }
  }

  /** A child of the scope completed: the scope's processor decides whether the scope goes on. */
  public void childCompleted(ElementInstance scope, ElementInstance child) {
    processors.containerOf(scope.type).onChildCompleted(scope, child);
  }

  // ---- termination ----------------------------------------------------------------------

  /** Terminates an instance and everything inside it; the caller decides what follows. */
  public void terminate(ElementInstance instance) {
    if (instance == null || instance.state.isFinal()) {
      return;
    }
    transitions.transition(instance, ElementState.TERMINATING);
    terminateContents(instance);
    if (instance.calledProcessInstanceKey >= 0) {
      terminate(state.elementInstances.get(instance.calledProcessInstanceKey));
    }
    subscriptions.closeAll(instance);
    jobs.cancel(instance);
    processors.of(instance.type).onTerminate(instance, navigation.node(instance));
    incidents.resolveAll(instance);
    transitions.transition(instance, ElementState.TERMINATED);
    if (instance.isRoot()) {
      ended.terminated(instance);
    } else {
      final ElementInstance scope = navigation.flowScope(instance);
      processors.containerOf(scope.type).onChildTerminated(scope, instance);
    }
  }

  /**
   * Terminates every child of the scope and drops the sequence flows taken into it that have not
   * arrived yet; the scope itself goes on.
   */
  public void terminateContents(ElementInstance scope) {
    List.copyOf(scope.children).forEach(child -> terminate(state.elementInstances.get(child)));
    inFlight.discard(scope.key);
  }
}
