package io.learnops.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed process, ready to run: elements by id, the process element itself and its start
 * events.
 */
public record ExecutableProcess(
    String bpmnProcessId,
    FlowNode processElement,
    Map<String, FlowNode> elements,
    List<FlowNode> startEvents,
    List<FlowNode> flowElements) {

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
