package io.learnops.engine.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the engine knows, in memory, owned by the processing thread. The public fields are
 * the durable state (written to snapshots); the {@code @JsonIgnore} indexes are derived from them
 * and rebuilt by {@link #rebuildIndexes()} after a snapshot is loaded.
 */
public final class EngineState {

  /** Zeebe keys carry the partition id in their upper bits; we are partition 1. */
  private static final long KEY_BASE = 1L << 51;

  public long keyCounter;
  /** position of the last record written; a record's position is never reused, not even after a purge */
  public long recordPosition;
  public List<ProcessDefinition> processDefinitions = new ArrayList<>();
  public Map<Long, ElementInstance> elementInstances = new LinkedHashMap<>();
  public Map<Long, Map<String, Object>> variables = new HashMap<>();
  public Map<Long, Job> jobs = new LinkedHashMap<>();
  public Map<Long, Incident> incidents = new LinkedHashMap<>();
  public Map<Long, Message> messages = new LinkedHashMap<>();
  public Map<Long, Subscription> subscriptions = new LinkedHashMap<>();
  public Map<Long, Timer> timers = new LinkedHashMap<>();
  public List<DecisionRequirements> decisionRequirements = new ArrayList<>();
  public List<DecisionDefinition> decisionDefinitions = new ArrayList<>();
  public Map<Long, UserTask> userTasks = new LinkedHashMap<>();
  public List<Form> forms = new ArrayList<>();
  /** null until the clock is moved through the engine; a purge keeps it */
  public ClockSetting clock;
  /** process instances whose processing failed unexpectedly: no command reaches them any more */
  public Set<Long> bannedInstances = new LinkedHashSet<>();

  @JsonIgnore private final Map<Long, ProcessDefinition> definitionsByKey = new HashMap<>();
  @JsonIgnore private final Map<String, ProcessDefinition> latestByProcessId = new HashMap<>();
  @JsonIgnore private final Map<String, LinkedHashSet<Long>> activatableByType = new HashMap<>();
  @JsonIgnore private final TreeSet<long[]> jobDeadlines = new TreeSet<>(BY_TIME_THEN_KEY);
  @JsonIgnore private final TreeSet<long[]> jobBackoffs = new TreeSet<>(BY_TIME_THEN_KEY);
  @JsonIgnore private final TreeSet<long[]> timerDueDates = new TreeSet<>(BY_TIME_THEN_KEY);
  @JsonIgnore private final TreeSet<long[]> messageDeadlines = new TreeSet<>(BY_TIME_THEN_KEY);
  @JsonIgnore private final Map<Correlation, LinkedHashSet<Long>> messagesByCorrelation = new HashMap<>();
  @JsonIgnore private final Map<MessageIdentity, Long> messagesById = new HashMap<>();
  @JsonIgnore private final Map<SubscriptionTarget, LinkedHashSet<Long>> subscriptionsByTarget = new HashMap<>();
  @JsonIgnore private final Map<Long, LinkedHashSet<Long>> subscriptionsByElement = new HashMap<>();
  @JsonIgnore private final Map<Long, LinkedHashSet<Long>> timersByElement = new HashMap<>();

  private static final Comparator<long[]> BY_TIME_THEN_KEY =
      Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]);

  public long nextKey() {
    return KEY_BASE + ++keyCounter;
  }

  // ---- forms ----------------------------------------------------------------------------

  public Optional<Form> latestForm(String tenantId, String formId) {
    return forms.stream()
        .filter(f -> f.formId.equals(formId) && f.tenantId.equals(tenantId))
        .max(Comparator.comparingInt(f -> f.version));
  }

  public Optional<Form> form(long key) {
    return forms.stream().filter(f -> f.key == key).findFirst();
  }

  // ---- process definitions --------------------------------------------------------------

  public void addDefinition(ProcessDefinition definition) {
    processDefinitions.add(definition);
    indexDefinition(definition);
  }

  private void indexDefinition(ProcessDefinition definition) {
    definitionsByKey.put(definition.key, definition);
    latestByProcessId.merge(
        tenantScoped(definition.tenantId, definition.bpmnProcessId),
        definition,
        (old, candidate) -> candidate.version > old.version ? candidate : old);
  }

  public Optional<ProcessDefinition> definition(long key) {
    return Optional.ofNullable(definitionsByKey.get(key));
  }

  public Optional<ProcessDefinition> latestDefinition(String tenantId, String bpmnProcessId) {
    return Optional.ofNullable(latestByProcessId.get(tenantScoped(tenantId, bpmnProcessId)));
  }

  public Optional<ProcessDefinition> definition(String tenantId, String bpmnProcessId, int version) {
    return processDefinitions.stream()
        .filter(d -> d.bpmnProcessId.equals(bpmnProcessId) && d.version == version && d.tenantId.equals(tenantId))
        .findFirst();
  }

  public List<ProcessDefinition> latestDefinitions() {
    return List.copyOf(latestByProcessId.values());
  }

  // ---- decisions (few per tenant, so found by scanning rather than indexed) ----------------

  public Optional<DecisionRequirements> latestDecisionRequirements(String tenantId, String decisionRequirementsId) {
    return decisionRequirements.stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.decisionRequirementsId.equals(decisionRequirementsId))
        .reduce((a, b) -> b.version > a.version ? b : a);
  }

  public Optional<DecisionRequirements> decisionRequirements(long key) {
    return decisionRequirements.stream().filter(d -> d.key == key).findFirst();
  }

  public Optional<DecisionDefinition> latestDecision(String tenantId, String decisionId) {
    return decisionDefinitions.stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.decisionId.equals(decisionId))
        .reduce((a, b) -> b.version > a.version ? b : a);
  }

  public Optional<DecisionDefinition> decision(long key) {
    return decisionDefinitions.stream().filter(d -> d.key == key).findFirst();
  }

  private static String tenantScoped(String tenantId, String id) {
    return tenantId + '\u0000' + id;
  }

  // ---- jobs -----------------------------------------------------------------------------

  public void putJob(Job job) {
    jobs.put(job.key, job);
    indexJob(job);
  }

  /** Call before changing a job's state, deadline or back-off; then call {@link #indexJob}. */
  public void unindexJob(Job job) {
    final LinkedHashSet<Long> ofType = activatableByType.get(job.type);
    if (ofType != null) {
      ofType.remove(job.key);
    }
    jobDeadlines.remove(new long[] {job.deadline, job.key});
    jobBackoffs.remove(new long[] {job.recurAt, job.key});
  }

  public void indexJob(Job job) {
    if (isBanned(job.processInstanceKey)) {
      return;
    }
    switch (job.state) {
      case ACTIVATABLE -> activatableByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>()).add(job.key);
      case ACTIVATED -> jobDeadlines.add(new long[] {job.deadline, job.key});
      case BACKING_OFF -> jobBackoffs.add(new long[] {job.recurAt, job.key});
      case FAILED -> { }
    }
  }

  public void removeJob(Job job) {
    unindexJob(job);
    jobs.remove(job.key);
  }

  /** Activatable job keys of a type, oldest first. */
  public Set<Long> activatableJobs(String type) {
    return activatableByType.getOrDefault(type, new LinkedHashSet<>());
  }

  public boolean hasActivatableJobs(String type) {
    final Set<Long> keys = activatableByType.get(type);
    return keys != null && !keys.isEmpty();
  }

  public Set<String> activatableJobTypes() {
    final Set<String> types = new LinkedHashSet<>();
    activatableByType.forEach((type, keys) -> {
      if (!keys.isEmpty()) {
        types.add(type);
      }
    });
    return types;
  }

  public List<Long> jobsWithDeadlineBefore(long now) {
    return keysDue(jobDeadlines, now);
  }

  public List<Long> jobsWithBackoffBefore(long now) {
    return keysDue(jobBackoffs, now);
  }

  // ---- timers ---------------------------------------------------------------------------

  public void putTimer(Timer timer) {
    timers.put(timer.key, timer);
    indexTimer(timer);
  }

  private void indexTimer(Timer timer) {
    if (!isBanned(timer.processInstanceKey)) {
      timerDueDates.add(new long[] {timer.dueDate, timer.key});
    }
    if (timer.elementInstanceKey >= 0) {
      timersByElement.computeIfAbsent(timer.elementInstanceKey, k -> new LinkedHashSet<>()).add(timer.key);
    }
  }

  public void removeTimer(Timer timer) {
    timers.remove(timer.key);
    timerDueDates.remove(new long[] {timer.dueDate, timer.key});
    removeFromIndex(timersByElement, timer.elementInstanceKey, timer.key);
  }

  /** Timers of boundary or catch events waiting on this element instance. */
  public List<Timer> timersOf(long elementInstanceKey) {
    final Set<Long> keys = timersByElement.get(elementInstanceKey);
    return keys == null ? List.of() : keys.stream().map(timers::get).toList();
  }

  public List<Long> timersDueBefore(long now) {
    return keysDue(timerDueDates, now);
  }

  // ---- messages -------------------------------------------------------------------------

  public void putMessage(Message message) {
    messages.put(message.key, message);
    indexMessage(message);
  }

  private void indexMessage(Message message) {
    messageDeadlines.add(new long[] {message.deadline, message.key});
    messagesByCorrelation.computeIfAbsent(Correlation.of(message), c -> new LinkedHashSet<>()).add(message.key);
    if (message.messageId != null) {
      messagesById.put(MessageIdentity.of(message), message.key);
    }
  }

  public void removeMessage(Message message) {
    messages.remove(message.key);
    messageDeadlines.remove(new long[] {message.deadline, message.key});
    removeFromIndex(messagesByCorrelation, Correlation.of(message), message.key);
    if (message.messageId != null) {
      messagesById.remove(MessageIdentity.of(message), message.key);
    }
  }

  /** Buffered messages with this name and correlation key, oldest first (a subscription takes the first, FIFO). */
  public List<Message> bufferedMessages(String tenantId, String name, String correlationKey) {
    final Set<Long> keys = messagesByCorrelation.get(new Correlation(tenantId, name, correlationKey));
    return keys == null ? List.of() : keys.stream().map(messages::get).toList();
  }

  /** The buffered message published with this id, if any: a second one with the same id is refused. */
  public Optional<Message> bufferedMessageWithId(String tenantId, String name, String messageId) {
    return Optional.ofNullable(messagesById.get(new MessageIdentity(tenantId, name, messageId))).map(messages::get);
  }

  public List<Long> messagesExpiredBefore(long now) {
    return keysDue(messageDeadlines, now);
  }

  /** The earliest time at which a timer, job deadline, back-off or message TTL falls due. */
  public long nextDueTime() {
    long next = Long.MAX_VALUE;
    for (final TreeSet<long[]> schedule : List.of(jobDeadlines, jobBackoffs, timerDueDates, messageDeadlines)) {
      if (!schedule.isEmpty()) {
        next = Math.min(next, schedule.first()[0]);
      }
    }
    return next;
  }

  private static List<Long> keysDue(TreeSet<long[]> schedule, long now) {
    final List<Long> due = new ArrayList<>();
    for (final long[] entry : schedule) {
      if (entry[0] > now) {
        break;
      }
      due.add(entry[1]);
    }
    return due;
  }

  // ---- subscriptions --------------------------------------------------------------------

  public void putSubscription(Subscription subscription) {
    subscriptions.put(subscription.key, subscription);
    indexSubscription(subscription);
  }

  private void indexSubscription(Subscription s) {
    subscriptionsByTarget.computeIfAbsent(SubscriptionTarget.of(s), t -> new LinkedHashSet<>()).add(s.key);
    subscriptionsByElement.computeIfAbsent(s.elementInstanceKey, k -> new LinkedHashSet<>()).add(s.key);
  }

  public void removeSubscription(Subscription subscription) {
    subscriptions.remove(subscription.key);
    removeFromIndex(subscriptionsByTarget, SubscriptionTarget.of(subscription), subscription.key);
    removeFromIndex(subscriptionsByElement, subscription.elementInstanceKey, subscription.key);
  }

  /** Subscriptions opened by (or, for boundary events, on) this element instance. */
  public List<Subscription> subscriptionsOf(long elementInstanceKey) {
    final Set<Long> keys = subscriptionsByElement.get(elementInstanceKey);
    return keys == null ? List.of() : keys.stream().map(subscriptions::get).toList();
  }

  private static <K> void removeFromIndex(Map<K, LinkedHashSet<Long>> index, K owner, long key) {
    final LinkedHashSet<Long> keys = index.get(owner);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(owner);
      }
    }
  }

  /**
   * Open subscriptions for exactly this message name and correlation key, oldest first; signal
   * subscriptions have no correlation key (pass null). Looked up, not scanned, so publishing does
   * not slow down with the number of instances waiting for other keys.
   */
  public List<Subscription> subscriptions(Subscription.Kind kind, String tenantId, String name, String correlationKey) {
    final Set<Long> keys = subscriptionsByTarget.get(new SubscriptionTarget(kind, tenantId, name, correlationKey));
    return keys == null ? List.of() : keys.stream().map(subscriptions::get).toList();
  }

  private record Correlation(String tenantId, String name, String correlationKey) {
    static Correlation of(Message message) {
      return new Correlation(message.tenantId, message.name, message.correlationKey);
    }
  }

  private record MessageIdentity(String tenantId, String name, String messageId) {
    static MessageIdentity of(Message message) {
      return new MessageIdentity(message.tenantId, message.name, message.messageId);
    }
  }

  private record SubscriptionTarget(Subscription.Kind kind, String tenantId, String name, String correlationKey) {
    static SubscriptionTarget of(Subscription subscription) {
      return new SubscriptionTarget(subscription.kind, subscription.tenantId, subscription.name,
          subscription.correlationKey);
    }
  }

  // ---- banned instances -----------------------------------------------------------------

  public boolean isBanned(long processInstanceKey) {
    return processInstanceKey >= 0 && bannedInstances.contains(processInstanceKey);
  }

  /**
   * No command reaches the instance any more: its jobs are no longer offered to workers and its
   * timers and job deadlines no longer fall due (they stay, for an operator to look at).
   */
  void ban(long processInstanceKey) {
    bannedInstances.add(processInstanceKey);
    jobs.values().stream().filter(job -> job.processInstanceKey == processInstanceKey).forEach(this::unindexJob);
    timers.values().stream().filter(timer -> timer.processInstanceKey == processInstanceKey)
        .forEach(timer -> timerDueDates.remove(new long[] {timer.dueDate, timer.key}));
  }

  // ---- purge ----------------------------------------------------------------------------

  /**
   * Deletes all data. The key counter and the record position carry on, so a key handed out
   * before the purge (a job a worker still holds) never names something new; engine time stays.
   */
  void clearData() {
    processDefinitions.clear();
    elementInstances.clear();
    variables.clear();
    jobs.clear();
    incidents.clear();
    messages.clear();
    subscriptions.clear();
    timers.clear();
    decisionRequirements.clear();
    decisionDefinitions.clear();
    userTasks.clear();
    forms.clear();
    bannedInstances.clear();
    definitionsByKey.clear();
    latestByProcessId.clear();
    activatableByType.clear();
    jobDeadlines.clear();
    jobBackoffs.clear();
    timerDueDates.clear();
    messageDeadlines.clear();
    messagesByCorrelation.clear();
    messagesById.clear();
    subscriptionsByTarget.clear();
    subscriptionsByElement.clear();
    timersByElement.clear();
  }

  // ---- rebuilding -----------------------------------------------------------------------

  /** Rebuilds every derived index from the durable fields (after loading a snapshot). */
  public void rebuildIndexes() {
    processDefinitions.forEach(this::indexDefinition);
    jobs.values().forEach(this::indexJob);
    timers.values().forEach(this::indexTimer);
    messages.values().forEach(this::indexMessage);
    subscriptions.values().forEach(this::indexSubscription);
  }
}
