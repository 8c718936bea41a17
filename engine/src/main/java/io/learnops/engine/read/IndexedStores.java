package io.learnops.engine.read;

import static io.learnops.engine.read.query.IndexedField.key;
import static io.learnops.engine.read.query.IndexedField.string;
import static io.learnops.engine.read.query.IndexedField.strings;

import java.util.List;

/**
 * Which fields of each kind are indexed: the filters the 8.8 client and our app send most (an
 * instance's parts by process instance key; state; element id; job type; a user task's assignee
 * and candidate groups; a definition's key and id). Names are the REST filter names and values
 * read as the handlers' schemas read them. Each index costs memory and work on every write, so a
 * field earns one only when searches on it would otherwise scan history.
 */
final class IndexedStores {

  /** the owner of every entry that belongs to a process instance: its processInstanceKey */
  private static final String PROCESS_INSTANCE = "processInstanceKey";

  private IndexedStores() {}

  static EntityStore<ProcessDefinitionEntry> processDefinitions() {
    return new EntityStore<>("processDefinitionKey", null,
        List.of(string("processDefinitionId", ProcessDefinitionEntry::processDefinitionId)));
  }

  static EntityStore<ProcessInstanceEntry> processInstances() {
    return new EntityStore<>("processInstanceKey", null, List.of(
        string("state", ProcessInstanceEntry::state),
        key("processDefinitionKey", ProcessInstanceEntry::processDefinitionKey),
        string("processDefinitionId", ProcessInstanceEntry::processDefinitionId),
        key("parentProcessInstanceKey", ProcessInstanceEntry::parentProcessInstanceKey)));
  }

  static EntityStore<ElementInstanceEntry> elementInstances() {
    return new EntityStore<>("elementInstanceKey", PROCESS_INSTANCE, List.of(
        string("state", ElementInstanceEntry::state),
        string("elementId", ElementInstanceEntry::elementId)));
  }

  /** no search of their own: the sequence-flows endpoint lists those of one instance */
  static EntityStore<SequenceFlowEntry> sequenceFlows() {
    return new EntityStore<>(null, PROCESS_INSTANCE, List.of());
  }

  static EntityStore<VariableEntry> variables() {
    return new EntityStore<>("variableKey", PROCESS_INSTANCE, List.of(
        key("scopeKey", VariableEntry::scopeKey),
        string("name", VariableEntry::name)));
  }

  static EntityStore<IncidentEntry> incidents() {
    return new EntityStore<>("incidentKey", PROCESS_INSTANCE, List.of(
        string("state", IncidentEntry::state)));
  }

  static EntityStore<JobEntry> jobs() {
    return new EntityStore<>("jobKey", PROCESS_INSTANCE, List.of(
        string("state", JobEntry::state),
        string("type", JobEntry::type)));
  }

  static EntityStore<MessageSubscriptionEntry> messageSubscriptions() {
    return new EntityStore<>("messageSubscriptionKey", PROCESS_INSTANCE, List.of(
        string("messageSubscriptionState", MessageSubscriptionEntry::state)));
  }

  /** the entry's own key is the read model's, not a REST field */
  static EntityStore<CorrelatedMessageEntry> correlatedMessages() {
    return new EntityStore<>(null, PROCESS_INSTANCE, List.of());
  }

  static EntityStore<DecisionDefinitionEntry> decisionDefinitions() {
    return new EntityStore<>("decisionDefinitionKey", null,
        List.of(string("decisionDefinitionId", DecisionDefinitionEntry::decisionDefinitionId)));
  }

  static EntityStore<DecisionRequirementsEntry> decisionRequirements() {
    return new EntityStore<>("decisionRequirementsKey", null, List.of());
  }

  static EntityStore<DecisionInstanceEntry> decisionInstances() {
    return new EntityStore<>("decisionEvaluationKey", PROCESS_INSTANCE, List.of());
  }

  static EntityStore<UserTaskEntry> userTasks() {
    return new EntityStore<>("userTaskKey", PROCESS_INSTANCE, List.of(
        string("state", UserTaskEntry::state),
        string("assignee", UserTaskEntry::assignee),
        strings("candidateGroup", UserTaskEntry::candidateGroups),
        string("elementId", UserTaskEntry::elementId)));
  }
}
