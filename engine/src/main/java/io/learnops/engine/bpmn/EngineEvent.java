package io.learnops.engine.bpmn;

/**
 * One thing that happened, as Zeebe would write it to its log: a value type, an intent and the
 * element it concerns. Exporters (metrics, tests, the read model) consume these.
 */
public record EngineEvent(
    long timestamp,
    String valueType,
    String intent,
    long key,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    String elementType) {}
