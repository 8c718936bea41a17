package io.learnops.engine.record;

/**
 * One thing the engine did, as it appears in the record stream that exporters read: the entity's
 * key, the engine time of the command that did it, what happened ({@link #intent()}) and the
 * entity as it is afterwards ({@link #value()}).
 *
 * @param position where the record stands in the stream: strictly increasing, never reused, and
 *     the same after a restart for the same record
 * @param key the entity's key (element instance, job, incident, ...); -1 for what has none
 */
public record Record<V extends RecordValue>(long position, long key, long timestamp, Intent intent, V value) {

  public ValueType valueType() {
    return intent.valueType();
  }

  /** The value cast to the type its value type comes with, e.g. {@code record.valueAs(RecordValue.JobValue.class)}. */
  public <T extends RecordValue> T valueAs(Class<T> type) {
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "%d %s %s key=%d %s".formatted(position, valueType(), intent.name(), key, value);
  }
}
