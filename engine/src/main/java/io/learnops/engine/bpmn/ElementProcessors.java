package io.learnops.engine.bpmn;

import io.learnops.engine.model.ElementType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The processor of each BPMN element type, filled once when {@link BpmnExecutor} puts processing
 * together and read by {@link ElementLifecycle}: dispatching an element is a lookup here. To find
 * what an element does, look up its type in {@code BpmnExecutor}'s registrations (or the table in
 * docs/engine.md).
 */
public final class ElementProcessors {

  private final Map<ElementType, ElementProcessor> byType = new EnumMap<>(ElementType.class);
  private final Map<ElementType, ContainerProcessor> containers = new EnumMap<>(ElementType.class);

  void register(ElementProcessor processor, ElementType... types) {
    for (final ElementType type : types) {
      if (byType.putIfAbsent(type, processor) != null) {
        throw new IllegalStateException("two processors for " + type);
      }
      if (processor instanceof ContainerProcessor container) {
        containers.put(type, container);
      }
    }
  }

  ElementProcessor of(ElementType type) {
    final ElementProcessor processor = byType.get(type);
    if (processor == null) {
      throw new IllegalStateException("no processor for " + type);
    }
    return processor;
  }

  ContainerProcessor containerOf(ElementType type) {
    final ContainerProcessor container = containers.get(type);
    if (container == null) {
      throw new IllegalStateException(type + " contains no elements");
    }
    return container;
  }
}
