package io.learnops.engine.read;

import java.util.Map;
import java.util.Optional;

/**
 * A deployed process version, with its BPMN XML.
 *
 * @param elementNames names of the process and its elements by id (unnamed ones are absent)
 */
public record ProcessDefinitionEntry(
    long key, String processDefinitionId, int version, String resourceName, String tenantId, String xml,
    Map<String, String> elementNames) {

  /** The process's name, if it has one. */
  public Optional<String> name() {
    return nameOf(processDefinitionId);
  }

  public Optional<String> nameOf(String elementId) {
    return Optional.ofNullable(elementNames.get(elementId));
  }
}
