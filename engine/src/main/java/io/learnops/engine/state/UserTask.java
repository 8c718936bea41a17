package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.UserTaskValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task: created when its element activates, then assigned, updated and finally
 * completed by people (through the REST API) or canceled with its element. Each of those
 * transitions first runs the task listeners of its event type, one job after the other; while
 * they run, the task is in the transition's intermediate state and takes no other command.
 */
public final class UserTask {
  public enum State {
    CREATING,
    CREATED,
    ASSIGNING,
    UPDATING,
    COMPLETING,
    CANCELING,
    COMPLETED,
    CANCELED
  }

  public long key;
  public long elementInstanceKey;
  public String elementId;
  public String name;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int processDefinitionVersion;
  public String tenantId;
  public State state;
  public String assignee;
  public List<String> candidateGroups = new ArrayList<>();
  public List<String> candidateUsers = new ArrayList<>();
  /** ISO 8601 date-times, or null */
  public String dueDate;
  public String followUpDate;
  public int priority = 50;
  /** key of the linked deployed form; -1 without one */
  public long formKey = -1;
  public String externalFormReference;
  public Map<String, String> customHeaders = new LinkedHashMap<>();
  public long creationDate;
  public long completionDate = -1;

  // ---- the transition in progress --------------------------------------------------------

  /** {@code assign}, {@code unassign}, {@code update}, {@code complete} or a custom action */
  public String action = "";
  /** the assignee an assignment in progress sets ("" unassigns) */
  public String pendingAssignee;
  /** the attributes an update in progress sets, by the names of the REST changeset */
  public Map<String, Object> pendingChanges = new LinkedHashMap<>();
  /** the variables a completion in progress sets on the task's element */
  public Map<String, Object> pendingVariables = new LinkedHashMap<>();
  /** attributes changed by the transition in progress, including listener corrections */
  public List<String> changedAttributes = new ArrayList<>();
  /** index of the next task listener of the transition's event type */
  public int nextListener;

  public UserTaskValue toValue() {
    return new UserTaskValue(name, assignee, List.copyOf(candidateGroups), List.copyOf(candidateUsers), dueDate,
        followUpDate, priority, formKey, externalFormReference, new LinkedHashMap<>(customHeaders), creationDate,
        completionDate, action, List.copyOf(changedAttributes), new LinkedHashMap<>(pendingVariables),
        elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
        processDefinitionVersion, tenantId, pendingAssignee, new LinkedHashMap<>(pendingChanges));
  }

  /** The task as a record describes it, in the given state and at the given listener. */
  static UserTask of(long key, UserTaskValue value, State state, int nextListener) {
    final UserTask task = new UserTask();
    task.key = key;
    task.state = state;
    task.nextListener = nextListener;
    task.name = value.name();
    task.assignee = value.assignee();
    task.candidateGroups = new ArrayList<>(value.candidateGroups());
    task.candidateUsers = new ArrayList<>(value.candidateUsers());
    task.dueDate = value.dueDate();
    task.followUpDate = value.followUpDate();
    task.priority = value.priority();
    task.formKey = value.formKey();
    task.externalFormReference = value.externalFormReference();
    task.customHeaders = new LinkedHashMap<>(value.customHeaders());
    task.creationDate = value.creationDate();
    task.completionDate = value.completionDate();
    task.action = value.action();
    task.changedAttributes = new ArrayList<>(value.changedAttributes());
    task.pendingVariables = new LinkedHashMap<>(value.variables());
    task.pendingAssignee = value.pendingAssignee();
    task.pendingChanges = new LinkedHashMap<>(value.pendingChanges());
    task.elementInstanceKey = value.elementInstanceKey();
    task.elementId = value.elementId();
    task.processInstanceKey = value.processInstanceKey();
    task.processDefinitionKey = value.processDefinitionKey();
    task.bpmnProcessId = value.bpmnProcessId();
    task.processDefinitionVersion = value.processDefinitionVersion();
    task.tenantId = value.tenantId();
    return task;
  }

  /** A copy to prepare the next record on: the task in the state changes only through records. */
  public UserTask draft() {
    return of(key, toValue(), state, nextListener);
  }

  public boolean isFinal() {
    return state == State.COMPLETED || state == State.CANCELED;
  }
}
