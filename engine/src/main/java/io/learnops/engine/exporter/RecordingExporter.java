package io.learnops.engine.exporter;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.ValueType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Keeps every record in memory, in order, for tests and tools that assert on what the engine did
 * ({@code EngineConfig.withExporters(List.of(recording))}). It grows without bound: never use it
 * in a long-running engine.
 */
public final class RecordingExporter implements Exporter {

  private final List<Record<?>> records = new CopyOnWriteArrayList<>();

  @Override
  public void export(Record<?> record) {
    records.add(record);
  }

  /** Every record exported so far, in position order. */
  public List<Record<?>> records() {
    return List.copyOf(records);
  }

  public Stream<Record<?>> stream() {
    return records.stream();
  }

  /** The records of one value type, with their values typed. */
  @SuppressWarnings("unchecked")
  public <V extends RecordValue> Stream<Record<V>> ofType(ValueType valueType, Class<V> valueClass) {
    return records.stream().filter(r -> r.valueType() == valueType).map(r -> (Record<V>) r);
  }

  public Stream<Record<ProcessInstanceValue>> processInstanceRecords() {
    return ofType(ValueType.PROCESS_INSTANCE, ProcessInstanceValue.class);
  }

  public boolean contains(long key, Intent intent) {
    return records.stream().anyMatch(r -> r.key() == key && r.intent() == intent);
  }

  /** Whether an element of the instance reached the given lifecycle intent. */
  public boolean reached(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    return processInstanceRecords().anyMatch(r -> r.intent() == intent
        && r.value().processInstanceKey() == processInstanceKey && elementId.equals(r.value().elementId()));
  }

  public void clear() {
    records.clear();
  }
}
