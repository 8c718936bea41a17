package io.learnops.engine.bpmn;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What processing one command changed that someone outside the state waits for: instances that
 * ended (create-with-result callers), user task transitions that ended (their callers), job types with new activatable jobs (long polls and
 * streams), and the records the command wrote, in order, for the exporters. Drained by the
 * command processor after each command.
 */
public final class Effects {
  /** process instance key → its variables at completion */
  public final Map<Long, Map<String, Object>> completedInstances = new LinkedHashMap<>();
  public final Set<Long> terminatedInstances = new LinkedHashSet<>();
  public final Set<String> activatableJobTypes = new LinkedHashSet<>();
  public final List<Written> records = new ArrayList<>();

  /** A record as processing wrote it; it gets its position and timestamp once the command is accepted. */
  public record Written(long key, Intent intent, RecordValue value) {}

  /** Writes a record of what the command did. */
  public void write(long key, Intent intent, RecordValue value) {
    records.add(new Written(key, intent, value));
  }

  /** user task key → empty if the transition took effect, else why it did not (denied, canceled) */
  public final Map<Long, java.util.Optional<String>> userTaskTransitionsEnded = new LinkedHashMap<>();

  public void clear() {
    completedInstances.clear();
    terminatedInstances.clear();
    activatableJobTypes.clear();
    records.clear();
    userTaskTransitionsEnded.clear();
  }
}
