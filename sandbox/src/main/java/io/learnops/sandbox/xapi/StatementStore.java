package io.learnops.sandbox.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The LRS's statements, in memory. A batch is stored whole or not at all. {@code stored} is
 * strictly increasing (bumped by a millisecond when the clock has not moved), so a client that
 * polls with {@code since} = the last {@code stored} it saw never misses or repeats a statement.
 */
public final class StatementStore {

  private final Clock clock;
  private final StatementValidator validator;
  private final Map<UUID, StoredStatement> byId = new LinkedHashMap<>();
  private final List<StoredStatement> inOrder = new ArrayList<>();
  private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
  private Instant lastStored = Instant.EPOCH;

  public StatementStore(Clock clock) {
    this.clock = clock;
    this.validator = new StatementValidator();
  }

  public void addListener(StatementListener listener) {
    listeners.add(listener);
  }

  /**
   * Stores a batch (POST). A statement whose id is already stored with the same content is
   * accepted again without change; with different content the whole batch is a 409.
   *
   * @return the ids, in the order of the batch
   */
  public List<UUID> store(List<ObjectNode> batch, JsonNode authority) {
    return storeBatch(batch, authority).ids();
  }

  /** PUT with an id: {@code true} when it was stored now, {@code false} when already there. */
  public boolean put(UUID id, ObjectNode statement, JsonNode authority) {
    if (statement.hasNonNull("id") && !statement.get("id").asText().equalsIgnoreCase(
        id.toString())) {
      throw XapiException.badRequest("statementId and the statement's id differ");
    }
    ObjectNode withId = statement.deepCopy().put("id", id.toString());
    return !storeBatch(List.of(withId), authority).fresh().isEmpty();
  }

  private Stored storeBatch(List<ObjectNode> batch, JsonNode authority) {
    List<StoredStatement> fresh = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    synchronized (this) {
      Set<UUID> inBatch = new HashSet<>();
      List<ObjectNode> toStore = new ArrayList<>();
      for (ObjectNode statement : batch) {
        validator.validate(statement);
        UUID id = statement.hasNonNull("id") ? UUID.fromString(statement.get("id").asText())
            : UUID.randomUUID();
        if (!inBatch.add(id)) {
          throw XapiException.badRequest("the batch holds statement " + id + " twice");
        }
        ids.add(id);
        if (!alreadyStored(id, statement)) {
          toStore.add((ObjectNode) statement.deepCopy().put("id", id.toString()));
        }
      }
      for (ObjectNode statement : toStore) {
        fresh.add(append(statement, authority));
      }
    }
    // outside the lock: listeners feed other stand-ins, which have locks of their own
    fresh.forEach(s -> listeners.forEach(l -> l.stored(s)));
    return new Stored(ids, fresh);
  }

  private record Stored(List<UUID> ids, List<StoredStatement> fresh) {
  }

  public synchronized Optional<StoredStatement> get(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Matching statements, newest first (xAPI's default order), at most {@code limit}, starting
   * below the cursor {@code beforeSequence}.
   */
  synchronized List<StoredStatement> query(StatementFilter filter, long beforeSequence,
      int limit) {
    List<StoredStatement> page = new ArrayList<>();
    for (int i = inOrder.size() - 1; i >= 0 && page.size() <= limit; i--) {
      StoredStatement s = inOrder.get(i);
      if (s.sequence() < beforeSequence && filter.test(s)) {
        page.add(s);
      }
    }
    return page;
  }

  /** The {@code stored} time up to which every statement is visible to queries. */
  public synchronized Instant consistentThrough() {
    return lastStored.equals(Instant.EPOCH) ? clock.instant() : lastStored;
  }

  public synchronized void clear() {
    byId.clear();
    inOrder.clear();
  }

  private boolean alreadyStored(UUID id, ObjectNode statement) {
    StoredStatement existing = byId.get(id);
    if (existing == null) {
      return false;
    }
    ObjectNode submitted = statement.deepCopy().put("id", id.toString());
    if (!existing.submitted().equals(submitted)) {
      throw new XapiException(409, "statement " + id + " is already stored with other content");
    }
    return true;
  }

  private StoredStatement append(ObjectNode submitted, JsonNode authority) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    lastStored = now.isAfter(lastStored) ? now : lastStored.plusMillis(1);
    ObjectNode json = submitted.deepCopy();
    json.put("stored", lastStored.toString());
    if (!json.hasNonNull("timestamp")) {
      json.put("timestamp", lastStored.toString());
    }
    json.set("authority", authority);
    json.put("version", "1.0.3");
    StoredStatement stored = new StoredStatement(inOrder.size() + 1L,
        UUID.fromString(submitted.get("id").asText()), lastStored, json, submitted);
    byId.put(stored.id(), stored);
    inOrder.add(stored);
    return stored;
  }
}
