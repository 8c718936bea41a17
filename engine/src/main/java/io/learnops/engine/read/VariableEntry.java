package io.learnops.engine.read;

/**
 * A variable in a scope, with its latest value.
 *
 * @param value the value as JSON text, as the REST API returns it
 */
public record VariableEntry(
    long key, String name, String value, long scopeKey, long processInstanceKey, String tenantId) {}
