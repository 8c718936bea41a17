package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.api.EngineApi.ListenerResult;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.JobBehavior.JobSpec;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.Listener;
import io.learnops.engine.model.UserTaskDefinition;
import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Job;
import io.learnops.engine.state.UserTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of Camunda user tasks. A user task element creates its task on activation; people
 * then assign, update and complete it. Every transition first runs the task's listeners of that
 * event type, as blocking TASK_LISTENER jobs one after the other: a listener may correct the
 * task's attributes, and (for assigning, updating and completing) deny the transition, which rolls
 * the task back. Only when the last listener is done does the transition take effect — and the
 * command that asked for it is answered ({@link Effects#userTaskTransitionsEnded}).
 *
 * <p>What the task's attributes may be is {@link UserTaskAttributes}'s.
 *
 * <p>Cancellation differs from Zeebe in one way: when the element is terminated, the canceling
 * listeners' jobs are created, but the termination does not wait for them.
 */
public final class UserTaskBehavior {

  private static final String CREATING = "CREATING";
  private static final String CANCELING = "CANCELING";

  private final ElementLifecycle lifecycle;
  private final EngineState state;
  private final UserTaskAttributes attributes;
  private final Effects effects;
  private final RecordWriter records;
  private final IncidentBehavior incidents;
  private final StateTransitions transitions;
  private final JobBehavior jobs;
  private final InstanceNavigation navigation;
  private final CommandTime time;
  private final FollowUps followUps;

  public UserTaskBehavior(ElementLifecycle lifecycle, EngineState state, UserTaskAttributes attributes, Effects effects,
      RecordWriter records, IncidentBehavior incidents, StateTransitions transitions, JobBehavior jobs,
      InstanceNavigation navigation, CommandTime time, FollowUps followUps) {
    this.lifecycle = lifecycle;
    this.state = state;
    this.attributes = attributes;
    this.effects = effects;
    this.records = records;
    this.incidents = incidents;
    this.transitions = transitions;
    this.jobs = jobs;
    this.navigation = navigation;
    this.time = time;
    this.followUps = followUps;
  }

  // ---- creation -------------------------------------------------------------------------

  /**
   * Evaluates the task's attributes and creates it; the element is then ACTIVATED and waits for
   * the task's completion. If an attribute cannot be evaluated, or the linked form is not deployed,
   * an incident is raised instead and the activation runs again once it is resolved.
   */
  public void activate(ElementInstance instance, FlowNode node) {
    final UserTaskDefinition definition = node.userTask();
    final UserTask task = new UserTask();
    final Optional<UserTaskAttributes.Failure> failure = attributes.evaluate(instance, definition, task);
    if (failure.isPresent()) {
      incidents.raise(instance, failure.get().type(), failure.get().message(), Incident.Retry.ACTIVATE);
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    task.key = state.nextKey();
    task.elementInstanceKey = instance.key;
    task.elementId = instance.elementId;
    task.name = node.name().orElse(null);
    task.processInstanceKey = instance.processInstanceKey;
    task.processDefinitionKey = instance.processDefinitionKey;
    task.bpmnProcessId = instance.bpmnProcessId;
    task.processDefinitionVersion = instance.version;
    task.tenantId = instance.tenantId;
    task.customHeaders = new LinkedHashMap<>(definition.headers());
    task.creationDate = time.now();
    begin(task, UserTask.State.CREATING, "");
  }

  // ---- commands -------------------------------------------------------------------------

  /** Assigns the task ({@code assignee} empty: unassigns it) once the assigning listeners agree. */
  public void assign(UserTask task, String assignee, String action) {
    final UserTask draft = task.draft();
    draft.pendingAssignee = assignee == null ? "" : assignee;
    begin(draft, UserTask.State.ASSIGNING, action);
  }

  /** Changes the given attributes ({@link #UPDATABLE}) once the updating listeners agree. */
  public void update(UserTask task, Map<String, Object> changes, String action) {
    final UserTask draft = task.draft();
    draft.pendingChanges = new LinkedHashMap<>(changes);
    draft.changedAttributes = new ArrayList<>(changes.keySet());
    begin(draft, UserTask.State.UPDATING, action);
  }

  /** Completes the task, and its element with the variables, once the completing listeners agree. */
  public void complete(UserTask task, Map<String, Object> completionVariables, String action) {
    final UserTask draft = task.draft();
    draft.pendingVariables = new LinkedHashMap<>(completionVariables);
    begin(draft, UserTask.State.COMPLETING, action);
  }

  /** The element was terminated: the task is canceled, and whoever waits on a transition is told. */
  public void cancel(ElementInstance instance, FlowNode node) {
    openTaskOf(instance).ifPresent(task -> cancel(task, instance, node));
  }

  private void cancel(UserTask task, ElementInstance instance, FlowNode node) {
    if (task.state != UserTask.State.CREATED && task.state != UserTask.State.CREATING) {
      effects.userTaskTransitionsEnded.put(task.key,
          Optional.of("the user task was canceled while its %s was in progress".formatted(lower(task.state))));
    }
    final UserTask draft = task.draft();
    draft.action = "";
    event(draft, UserTaskIntent.CANCELING);
    for (final Listener listener : node.userTask().listenersFor(CANCELING)) {
      jobs.create(instance, listenerJob(listener, CANCELING, task.key));
    }
    draft.completionDate = time.now();
    event(draft, UserTaskIntent.CANCELED);
  }

  // ---- task listeners -------------------------------------------------------------------

  /** Checks a listener's result against the transition it ran for; returns why it cannot be applied. */
  public Optional<String> refusal(Job job, ListenerResult result) {
    if (result.denied() && (CREATING.equals(job.listenerEventType) || CANCELING.equals(job.listenerEventType))) {
      return Optional.of("a %s listener cannot deny the transition".formatted(job.listenerEventType.toLowerCase()));
    }
    for (final Map.Entry<String, Object> correction : result.corrections().entrySet()) {
      final Optional<String> problem = UserTaskAttributes.invalid(correction.getKey(), correction.getValue());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /**
   * A task listener's job completed (its record moved the task on to the next listener): apply its
   * corrections, then run the next listener or finish.
   */
  public void listenerCompleted(Job job, ListenerResult result) {
    final UserTask task = state.userTasks.get(job.userTaskKey);
    final ElementInstance instance = state.elementInstances.get(job.elementInstanceKey);
    if (job.isDetached() || task == null || instance == null) {
      return;
    }
    if (result.denied()) {
      deny(task.draft(), result.deniedReason());
    } else {
      if (!result.corrections().isEmpty()) {
        final UserTask corrected = task.draft();
        result.corrections().forEach((attribute, value) -> correct(corrected, attribute, value));
        event(corrected, UserTaskIntent.CORRECTED);
      }
      runNextListener(state.userTasks.get(task.key), instance);
    }
    followUps.runAll();
  }

  /** Starts a transition on a draft of the task: its record makes it the task's state, at the first listener. */
  private void begin(UserTask draft, UserTask.State transition, String action) {
    draft.state = transition;
    draft.action = action == null ? "" : action;
    if (transition != UserTask.State.UPDATING) {
      draft.changedAttributes = new ArrayList<>();
    }
    event(draft, UserTaskIntent.valueOf(transition.name()));
    runNextListener(state.userTasks.get(draft.key), state.elementInstances.get(draft.elementInstanceKey));
  }

  private void runNextListener(UserTask task, ElementInstance instance) {
    final String eventType = task.state.name();
    final List<Listener> listeners = navigation.node(instance).userTask().listenersFor(eventType);
    if (task.nextListener < listeners.size()) {
      jobs.create(instance, listenerJob(listeners.get(task.nextListener), eventType, task.key));
      return;
    }
    finish(task, instance);
  }

  private static JobSpec listenerJob(Listener listener, String eventType, long userTaskKey) {
    // an incident on a listener's job type is resolved by creating the job again
    return new JobSpec(listener.type(), listener.retries(), Map.of(), "TASK_LISTENER", eventType,
        Incident.Retry.TASK_LISTENER, userTaskKey);
  }

  /** Runs the task listener the task waits for again (after an incident on its job type was resolved). */
  public void retryListener(ElementInstance instance) {
    openTaskOf(instance).ifPresent(task -> runNextListener(task, instance));
  }

  private Optional<UserTask> openTaskOf(ElementInstance instance) {
    return Optional.ofNullable(state.userTasks.get(instance.userTaskKey)).filter(task -> !task.isFinal());
  }

  private void finish(UserTask task, ElementInstance instance) {
    final UserTask draft = task.draft();
    switch (task.state) {
      case CREATING -> {
        event(draft, UserTaskIntent.CREATED);
        if (draft.pendingAssignee != null && !draft.pendingAssignee.isBlank()) {
          assign(state.userTasks.get(task.key), draft.pendingAssignee, "");
        }
      }
      case ASSIGNING -> {
        draft.assignee = draft.pendingAssignee == null || draft.pendingAssignee.isBlank() ? null : draft.pendingAssignee;
        draft.pendingAssignee = null;
        event(draft, UserTaskIntent.ASSIGNED);
        ended(draft, Optional.empty());
      }
      case UPDATING -> {
        draft.pendingChanges.forEach((attribute, value) -> UserTaskAttributes.apply(draft, attribute, value));
        draft.pendingChanges = new LinkedHashMap<>();
        event(draft, UserTaskIntent.UPDATED);
        ended(draft, Optional.empty());
      }
      case COMPLETING -> {
        draft.completionDate = time.now();
        event(draft, UserTaskIntent.COMPLETED);
        ended(draft, Optional.empty());
        lifecycle.complete(instance, draft.pendingVariables);
        followUps.runAll();
      }
      default -> throw new IllegalStateException("no transition to finish for user task " + task.key + " in " + task.state);
    }
  }

  private void deny(UserTask draft, String reason) {
    final String transition = lower(draft.state);
    final UserTaskIntent intent = switch (draft.state) {
      case ASSIGNING -> UserTaskIntent.ASSIGNMENT_DENIED;
      case UPDATING -> UserTaskIntent.UPDATE_DENIED;
      default -> UserTaskIntent.COMPLETION_DENIED;
    };
    draft.pendingAssignee = null;
    draft.pendingChanges = new LinkedHashMap<>();
    draft.pendingVariables = new LinkedHashMap<>();
    event(draft, intent);
    ended(draft, Optional.of("the %s of user task %d was denied by a task listener%s".formatted(transition, draft.key,
        reason == null || reason.isBlank() ? "" : ": " + reason)));
  }

  private void ended(UserTask task, Optional<String> denial) {
    effects.userTaskTransitionsEnded.put(task.key, denial);
  }

  // ---- attributes -----------------------------------------------------------------------

  private void correct(UserTask task, String attribute, Object value) {
    if ("assignee".equals(attribute)) {
      if (task.state == UserTask.State.ASSIGNING || task.state == UserTask.State.CREATING) {
        task.pendingAssignee = value == null ? "" : value.toString();
      } else {
        task.assignee = value == null || value.toString().isBlank() ? null : value.toString();
      }
    } else {
      task.pendingChanges.remove(attribute);
      UserTaskAttributes.apply(task, attribute, value);
    }
    if (!task.changedAttributes.contains(attribute)) {
      task.changedAttributes.add(attribute);
    }
  }

  private void event(UserTask task, UserTaskIntent intent) {
    records.write(task.key, intent, task.toValue());
  }

  private static String lower(UserTask.State state) {
    return switch (state) {
      case ASSIGNING -> "assignment";
      case UPDATING -> "update";
      case COMPLETING -> "completion";
      default -> state.name().toLowerCase();
    };
  }
}
