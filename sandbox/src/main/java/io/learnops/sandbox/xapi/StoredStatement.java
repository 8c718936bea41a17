package io.learnops.sandbox.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A statement as the LRS keeps it: the full JSON (with {@code id}, {@code stored},
 * {@code timestamp}, {@code authority} and {@code version} filled in) and the submitted JSON,
 * which decides whether a resent statement with the same id is the same statement.
 *
 * @param sequence storage order; the paging cursor
 */
public record StoredStatement(long sequence, UUID id, Instant stored, ObjectNode json,
    ObjectNode submitted) {
}
