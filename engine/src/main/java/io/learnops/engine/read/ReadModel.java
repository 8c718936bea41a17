package io.learnops.engine.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The query side of the engine: an exporter that projects the record stream into immutable
 * entries that any thread may read while the exporting thread writes.
 *
 * <p><b>Consistency</b>: a command's records are exported before its answer is released, so a
 * read made after an acknowledged command sees it.
 *
 * <p><b>History</b>: finished process instances stay readable with their element instances,
 * variables, incidents, jobs, subscriptions and decision evaluations, up to {@code retention}
 * finished instances; then the oldest go. Definitions are kept for ever.
 *
 * <p><b>Restart</b>: the model is rebuilt from the snapshot's live state (running instances and
 * what they hold) plus the replayed journal after it; instances that finished before that
 * snapshot are gone, and keys the read model assigns (variables) are numbered anew.
 */
public final class ReadModel implements Exporter {

  /** Finished process instances kept by default: enough for dashboards and tests, small in memory. */
  public static final int DEFAULT_RETENTION = 10_000;

  private final EntityStore<ProcessDefinitionEntry> processDefinitions = IndexedStores.processDefinitions();
  private final EntityStore<ProcessInstanceEntry> processInstances = IndexedStores.processInstances();
  private final EntityStore<ElementInstanceEntry> elementInstances = IndexedStores.elementInstances();
  private final EntityStore<SequenceFlowEntry> sequenceFlows = IndexedStores.sequenceFlows();
  private final EntityStore<VariableEntry> variables = IndexedStores.variables();
  private final EntityStore<IncidentEntry> incidents = IndexedStores.incidents();
  private final EntityStore<JobEntry> jobs = IndexedStores.jobs();
  private final EntityStore<MessageSubscriptionEntry> messageSubscriptions = IndexedStores.messageSubscriptions();
  private final EntityStore<CorrelatedMessageEntry> correlatedMessages = IndexedStores.correlatedMessages();
  private final EntityStore<DecisionDefinitionEntry> decisionDefinitions = IndexedStores.decisionDefinitions();
  private final EntityStore<DecisionRequirementsEntry> decisionRequirements = IndexedStores.decisionRequirements();
  private final EntityStore<DecisionInstanceEntry> decisionInstances = IndexedStores.decisionInstances();
  private final EntityStore<UserTaskEntry> userTasks = IndexedStores.userTasks();
  private final List<EntityStore<?>> stores = List.of(processDefinitions, processInstances, elementInstances,
      sequenceFlows, variables, incidents, jobs, messageSubscriptions, correlatedMessages, decisionDefinitions,
      decisionRequirements, decisionInstances, userTasks);

  private final ProcessNames names = new ProcessNames(processDefinitions);
  private final ReadKeys keys = new ReadKeys();
  private final History history;
  /** in seeding order: what an entry refers to is seeded before it */
  private final List<Projector> projectors;
  private final Map<ValueType, List<Projector>> projectorsByValueType = new EnumMap<>(ValueType.class);
  private final VariableProjector variableProjector;

  /** @param retention how many finished process instances (and decision evaluations) stay readable */
  public ReadModel(int retention) {
    if (retention < 0) {
      throw new IllegalArgumentException("retention must not be negative, but was " + retention);
    }
    final ObjectMapper json = new ObjectMapper()
        .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    history = new History(retention, stores);
    variableProjector = new VariableProjector(variables, keys, json);
    projectors = List.of(
        new ProcessDefinitionProjector(processDefinitions),
        new DecisionDefinitionProjector(decisionDefinitions, decisionRequirements),
        new ProcessInstanceProjector(processInstances, history),
        new ElementInstanceProjector(elementInstances),
        new SequenceFlowProjector(sequenceFlows, keys),
        new IncidentProjector(incidents, elementInstances, processInstances),
        new JobProjector(jobs),
        new MessageSubscriptionProjector(messageSubscriptions, correlatedMessages, keys),
        new UserTaskProjector(userTasks),
        variableProjector,
        new DecisionInstanceProjector(decisionInstances, history, json));
    projectors.forEach(p -> p.valueTypes().forEach(
        type -> projectorsByValueType.computeIfAbsent(type, t -> new ArrayList<>()).add(p)));
  }

  /**
   * Starts over from the recovered state (what the latest snapshot held, or nothing): the read
   * model keeps its data in memory and is rebuilt at each start, then fed the replayed records.
   */
  public void seed(EngineState state) {
    clear();
    projectors.forEach(p -> p.seed(state));
  }

  @Override
  public void export(Record<?> record) {
    final List<Projector> interested = projectorsByValueType.get(record.valueType());
    if (interested != null) {
      for (final Projector projector : interested) {
        projector.project(record);
      }
    }
  }

  /**
   * Forgets everything, for a cluster purge. Call it on the exporting thread (the engine does, in
   * the purge's place in the record stream), like every other write to the read model.
   */
  public void clear() {
    stores.forEach(EntityStore::clear);
    names.clear();
    history.clear();
    variableProjector.clear();
    keys.reset();
  }

  public ProcessNames names() {
    return names;
  }

  public EntityStore<ProcessDefinitionEntry> processDefinitions() {
    return processDefinitions;
  }

  public EntityStore<ProcessInstanceEntry> processInstances() {
    return processInstances;
  }

  public EntityStore<ElementInstanceEntry> elementInstances() {
    return elementInstances;
  }

  public EntityStore<SequenceFlowEntry> sequenceFlows() {
    return sequenceFlows;
  }

  public EntityStore<VariableEntry> variables() {
    return variables;
  }

  public EntityStore<IncidentEntry> incidents() {
    return incidents;
  }

  public EntityStore<JobEntry> jobs() {
    return jobs;
  }

  public EntityStore<MessageSubscriptionEntry> messageSubscriptions() {
    return messageSubscriptions;
  }

  public EntityStore<CorrelatedMessageEntry> correlatedMessages() {
    return correlatedMessages;
  }

  public EntityStore<DecisionDefinitionEntry> decisionDefinitions() {
    return decisionDefinitions;
  }

  public EntityStore<DecisionRequirementsEntry> decisionRequirements() {
    return decisionRequirements;
  }

  public EntityStore<DecisionInstanceEntry> decisionInstances() {
    return decisionInstances;
  }

  public EntityStore<UserTaskEntry> userTasks() {
    return userTasks;
  }
}
