package io.learnops.engine.read;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of processes and elements, which the executable model does not keep. Read from a
 * definition's BPMN the first time a read asks for them, on the reading thread, so that deploying
 * pays nothing for them.
 */
public final class ProcessNames {

  private final EntityStore<ProcessDefinitionEntry> definitions;
  private final Map<Long, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  ProcessNames(EntityStore<ProcessDefinitionEntry> definitions) {
    this.definitions = definitions;
  }

  public Optional<String> processName(long definitionKey) {
    return definitions.get(definitionKey).flatMap(d -> elementName(definitionKey, d.processDefinitionId()));
  }

  public Optional<String> elementName(long definitionKey, String elementId) {
    return Optional.ofNullable(namesOf(definitionKey).get(elementId));
  }

  private Map<String, String> namesOf(long definitionKey) {
    final Map<String, String> known = byDefinition.get(definitionKey);
    if (known != null) {
      return known;
    }
    return definitions.get(definitionKey)
        .map(d -> byDefinition.computeIfAbsent(definitionKey,
            k -> ElementNames.of(d.xml().getBytes(StandardCharsets.UTF_8))))
        .orElse(Map.of());
  }

  void clear() {
    byDefinition.clear();
  }
}
