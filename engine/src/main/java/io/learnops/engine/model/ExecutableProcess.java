package io.learnops.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed process, ready to run: elements by id, the process element itself, its start events,
 * and the element each sequence flow leads to (looked up whenever a flow is taken).
 */
public record ExecutableProcess(
    String bpmnProcessId,
    FlowNode processElement,
    Map<String, FlowNode> elements,
    List<FlowNode> startEvents,
    List<FlowNode> flowElements,
    Map<String, FlowNode> flowTargets) {

  /** The element a sequence flow leads to. */
  public FlowNode flowTarget(String flowId) {
    final FlowNode target = flowTargets.get(flowId);
    if (target == null) {
      throw new IllegalStateException("no sequence flow '" + flowId + "' in process '" + bpmnProcessId + "'");
    }
    return target;
  }

  public FlowNode element(String id) {
    final FlowNode node = elements.get(id);
    if (node == null) {
      throw new IllegalStateException("no element '" + id + "' in process '" + bpmnProcessId + "'");
    }
    return node;
  }

  public Optional<FlowNode> noneStartEvent() {
    return startEvents.stream().filter(e -> e.eventType() == EventType.NONE).findFirst();
  }
}
