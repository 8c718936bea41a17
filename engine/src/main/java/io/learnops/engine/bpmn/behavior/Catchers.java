package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.container.EventSubProcessProcessor;
import io.learnops.engine.bpmn.event.BoundaryEventProcessor;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a thrown error or escalation is caught. Errors and escalations have no subscriptions: the
 * catcher is searched for when one is thrown, nearest first — the thrower's own boundary events,
 * then the event subprocesses of its scope, then that scope's boundary events, and so on up, from a
 * called process on to its call activity. Within one element an exact code wins over a catch-all.
 */
public final class Catchers {

  /** A catch event that will catch: a boundary event on {@code at}, or an event subprocess's start event in scope {@code at}. */
  public record Catcher(ElementInstance at, FlowNode event) {}

  private final EngineState state;
  private final InstanceNavigation navigation;
  private final BoundaryEventProcessor boundaryEvents;
  private final EventSubProcessProcessor eventSubProcesses;

  public Catchers(EngineState state, InstanceNavigation navigation, BoundaryEventProcessor boundaryEvents,
      EventSubProcessProcessor eventSubProcesses) {
    this.state = state;
    this.navigation = navigation;
    this.boundaryEvents = boundaryEvents;
    this.eventSubProcesses = eventSubProcesses;
  }

  /** The nearest catch event of that type (error or escalation) for the code, if any catches it. */
  public Optional<Catcher> nearest(ElementInstance thrower, EventType type, String code) {
    ElementInstance current = thrower;
    while (current != null) {
      final Optional<FlowNode> boundary = navigation.isInnerInstance(current) ? Optional.empty()
          : catcher(navigation.node(current).boundaryEvents(), type, code); // an inner instance's are on its body
      if (boundary.isPresent()) {
        return Optional.of(new Catcher(current, boundary.get()));
      }
      final ElementInstance scope = scopeAbove(current);
      if (scope != null && scope.type != ElementType.CALL_ACTIVITY && scope.type != ElementType.MULTI_INSTANCE_BODY) {
        final List<FlowNode> starts = navigation.node(scope).eventSubProcesses().stream()
            .map(FlowNode::triggerStartEvent).toList();
        final Optional<FlowNode> start = catcher(starts, type, code);
        if (start.isPresent()) {
          return Optional.of(new Catcher(scope, start.get()));
        }
      }
      current = scope;
    }
    return Optional.empty();
  }

  /** The catch event catches: its boundary event is triggered, or its event subprocess starts. */
  public void trigger(Catcher catcher, Map<String, Object> eventVariables) {
    if (catcher.event().type() == ElementType.BOUNDARY_EVENT) {
      boundaryEvents.trigger(catcher.at(), catcher.event(), eventVariables);
    } else {
      eventSubProcesses.start(catcher.at(), catcher.event(), eventVariables);
    }
  }

  /** Up the flow scopes and, from a called process, on to its call activity. */
  private ElementInstance scopeAbove(ElementInstance instance) {
    if (instance.isRoot() && instance.parentElementInstanceKey >= 0) {
      return state.elementInstances.get(instance.parentElementInstanceKey);
    }
    return navigation.flowScope(instance);
  }

  /** The catch event for the code among candidates: an exact code before a catch-all. */
  private static Optional<FlowNode> catcher(List<FlowNode> candidates, EventType type, String code) {
    final List<FlowNode> catching = candidates.stream().filter(c -> c.eventType() == type).toList();
    final Function<FlowNode, Optional<String>> codeOf = type == EventType.ERROR ? FlowNode::errorCode : FlowNode::escalationCode;
    return catching.stream().filter(c -> codeOf.apply(c).map(code::equals).orElse(false)).findFirst()
        .or(() -> catching.stream().filter(c -> codeOf.apply(c).isEmpty()).findFirst());
  }
}
