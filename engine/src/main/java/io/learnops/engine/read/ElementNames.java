package io.learnops.engine.read;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of a BPMN resource's processes and elements, by id. The executable model does not
 * keep names, and the read API shows them; read once per deployed definition.
 */
final class ElementNames {

  private ElementNames() {}

  static Map<String, String> of(byte[] bpmnXml) {
    final Map<String, String> names = new HashMap<>();
    try {
      final var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
      model.getModelElementsByType(Process.class).forEach(p -> put(names, p.getId(), p.getName()));
      model.getModelElementsByType(FlowElement.class).forEach(e -> put(names, e.getId(), e.getName()));
    } catch (RuntimeException e) {
      // the engine parsed this resource at deployment; without names the entries simply have none
    }
    return Map.copyOf(names);
  }

  private static void put(Map<String, String> names, String id, String name) {
    if (id != null && name != null && !name.isBlank()) {
      names.put(id, name);
    }
  }
}
