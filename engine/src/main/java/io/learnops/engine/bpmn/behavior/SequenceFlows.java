package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.SequenceFlow;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an element leaves and the next one is reached: the element completes, its sequence flows are
 * taken, and each taken flow activates its target as follow-up work. A gateway that joins several
 * flows keeps a token per arrived flow (the flow's applier counts it): a parallel join fires once
 * every incoming flow has one, an inclusive join once nothing else in its scope can reach it.
 */
public final class SequenceFlows {

  private final EngineState state;
  private final ElementLifecycle lifecycle;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final RecordWriter records;
  private final FlowsInFlight inFlight;
  private final FollowUps followUps;

  public SequenceFlows(EngineState state, ElementLifecycle lifecycle, InstanceNavigation navigation,
      StateTransitions transitions, EventSubscriptions subscriptions, RecordWriter records, FlowsInFlight inFlight,
      FollowUps followUps) {
    this.state = state;
    this.lifecycle = lifecycle;
    this.navigation = navigation;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.records = records;
    this.inFlight = inFlight;
    this.followUps = followUps;
  }

  /**
   * The element completes and leaves by the flows, then its scope goes on ({@link #childLeft}). An
   * inner instance of a multi-instance activity takes no flows: its body decides what follows.
   */
  public void leave(ElementInstance instance, List<SequenceFlow> flows) {
    if (navigation.isInnerInstance(instance)) {
      lifecycle.childCompleted(navigation.flowScope(instance), instance);
      return;
    }
    final ElementInstance scope = complete(instance);
    takeAll(flows, scope);
    childLeft(scope, instance);
  }

  /** The element waits for no event any more and is COMPLETED; returns its flow scope. */
  public ElementInstance complete(ElementInstance instance) {
    subscriptions.closeAll(instance);
    final ElementInstance scope = navigation.flowScope(instance);
    transitions.transition(instance, ElementState.COMPLETED);
    return scope;
  }

  public void takeAll(List<SequenceFlow> flows, ElementInstance scope) {
    flows.forEach(flow -> take(flow, scope));
  }

  /** Takes the flow now; its target is activated as follow-up work, if the scope still accepts it then. */
  public void take(SequenceFlow flow, ElementInstance scope) {
    final int generation = inFlight.taken(scope.key);
    records.write(-1, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, scope.sequenceFlowValue(flow.id()));
    followUps.add(() -> arrive(flow, scope.key, generation));
  }

  /** A link throw event continues at its catch event, like a sequence flow that is not drawn. */
  public void jumpTo(FlowNode target, ElementInstance scope) {
    final int generation = inFlight.taken(scope.key);
    followUps.add(() -> {
      final ElementInstance current = state.elementInstances.get(scope.key);
      if (current != null && current.state == ElementState.ACTIVATED && inFlight.arrive(scope.key, generation)) {
        lifecycle.activate(target, current);
      }
    });
  }

  /**
   * A child of the scope completed and took its flows: inclusive joins it kept waiting may fire,
   * then the scope's processor decides whether the scope is done.
   */
  public void childLeft(ElementInstance scope, ElementInstance child) {
    fireInclusiveJoins(scope);
    lifecycle.childCompleted(scope, child);
  }

  /** Nothing is left to do in the scope: no child, no flow in flight, no token waiting at a join. */
  public boolean noTokenLeft(ElementInstance scope) {
    return scope.state == ElementState.ACTIVATED && scope.children.isEmpty() && !inFlight.any(scope.key)
        && scope.joinTokens.isEmpty();
  }

  /**
   * A taken flow reaches its target. At a gateway that joins several flows, the flow's token was
   * left when it was taken: a parallel join fires once every incoming flow has one, an inclusive
   * join once nothing else can reach it.
   */
  private void arrive(SequenceFlow flow, long scopeKey, int generation) {
    final ElementInstance scope = state.elementInstances.get(scopeKey);
    if (scope == null || scope.state != ElementState.ACTIVATED || !inFlight.arrive(scopeKey, generation)) {
      return;
    }
    final FlowNode target = navigation.process(scope).element(flow.targetId());
    if (target.type() == ElementType.PARALLEL_GATEWAY && target.incoming().size() > 1) {
      joinAt(target, scope);
      return;
    }
    if (target.type() != ElementType.INCLUSIVE_GATEWAY || target.incoming().size() <= 1) {
      lifecycle.activate(target, scope);
    }
    fireInclusiveJoins(scope);
  }

  /** A parallel join fires once every incoming flow has left a token; activating it takes one of each. */
  private void joinAt(FlowNode gateway, ElementInstance scope) {
    final Map<String, Integer> tokens = scope.joinTokens.getOrDefault(gateway.id(), Map.of());
    if (gateway.incoming().stream().allMatch(f -> tokens.getOrDefault(f.id(), 0) > 0)) {
      lifecycle.activate(gateway, scope);
    }
  }

  /**
   * An inclusive join fires once it holds a token and no other token in its scope can still reach
   * it: no element instance that is active there has a path to it, and no flow is in flight.
   */
  private void fireInclusiveJoins(ElementInstance scope) {
    if (scope.state != ElementState.ACTIVATED || inFlight.any(scope.key) || scope.joinTokens.isEmpty()) {
      return;
    }
    final ExecutableProcess process = navigation.process(scope);
    for (final String gatewayId : List.copyOf(scope.joinTokens.keySet())) {
      final FlowNode gateway = process.element(gatewayId);
      if (gateway.type() != ElementType.INCLUSIVE_GATEWAY || canStillArrive(scope, gateway, process)) {
        continue;
      }
      lifecycle.activate(gateway, scope); // takes the gateway's tokens
    }
  }

  private boolean canStillArrive(ElementInstance scope, FlowNode gateway, ExecutableProcess process) {
    for (final Long childKey : scope.children) {
      final ElementInstance child = state.elementInstances.get(childKey);
      if (child != null && reaches(process, process.element(child.elementId), gateway)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a path of sequence flows (or boundary events, or links) leads from one element to another. */
  private static boolean reaches(ExecutableProcess process, FlowNode from, FlowNode target) {
    final ArrayDeque<FlowNode> open = new ArrayDeque<>(List.of(from));
    final Set<String> seen = new HashSet<>();
    while (!open.isEmpty()) {
      final FlowNode node = open.poll();
      if (!seen.add(node.id())) {
        continue;
      }
      final List<FlowNode> next = new ArrayList<>(node.boundaryEvents());
      if (node.linkTarget() != null) {
        next.add(node.linkTarget());
      }
      for (final SequenceFlow flow : node.outgoing()) {
        if (flow.targetId().equals(target.id())) {
          return true;
        }
      }
      node.outgoing().forEach(flow -> next.add(process.element(flow.targetId())));
      open.addAll(next);
    }
    return false;
  }
}
