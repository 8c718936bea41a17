package io.learnops.engine.bpmn;

import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.state.ProcessDefinition;
import java.util.HashMap;
import java.util.Map;

/** Executable models by process definition key, transformed once from the stored resource. */
public final class ProcessCache {

  private final BpmnTransformer transformer;
  private final Map<Long, ExecutableProcess> byKey = new HashMap<>();

  public ProcessCache(BpmnTransformer transformer) {
    this.transformer = transformer;
  }

  public ExecutableProcess get(ProcessDefinition definition) {
    return byKey.computeIfAbsent(definition.key, k -> load(definition));
  }

  public void put(long key, ExecutableProcess process) {
    byKey.put(key, process);
  }

  public void clear() {
    byKey.clear();
  }

  private ExecutableProcess load(ProcessDefinition definition) {
    return transformer.transform(definition.resourceName, definition.resource).processes().stream()
        .filter(p -> p.bpmnProcessId().equals(definition.bpmnProcessId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("stored resource of " + definition.bpmnProcessId + " no longer transforms"));
  }
}
