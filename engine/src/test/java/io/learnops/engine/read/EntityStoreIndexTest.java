package io.learnops.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.read.query.FieldType;
import io.learnops.engine.read.query.Filters;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import io.learnops.engine.read.query.SearchResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stores as {@link IndexedStores} declares them: a search served from an index returns exactly
 * what a scan of every entry returns, also after writes that move an entry between index values
 * and after retention drops an owner (whose keys are also the processInstanceKey index).
 */
class EntityStoreIndexTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Schema<JobEntry> JOBS = Schema.<JobEntry>of("jobs", JobEntry::key)
      .key("jobKey", JobEntry::key)
      .string("type", JobEntry::type)
      .string("state", JobEntry::state)
      .integer("retries", JobEntry::retries)
      .key("processInstanceKey", JobEntry::processInstanceKey);

  private static final Schema<UserTaskEntry> TASKS = Schema.<UserTaskEntry>of("user tasks", UserTaskEntry::key)
      .key("userTaskKey", UserTaskEntry::key)
      .string("state", UserTaskEntry::state)
      .string("assignee", UserTaskEntry::assignee)
      .string("elementId", UserTaskEntry::elementId)
      .key("processInstanceKey", UserTaskEntry::processInstanceKey)
      .filter("candidateGroup", value -> {
        final Filters.Condition condition = Filters.Condition.of("candidateGroup", FieldType.STRING, value);
        return task -> task.candidateGroups().stream().anyMatch(condition::test);
      });

  private static final List<String> JOB_SEARCHES = List.of(
      "{\"filter\":{\"type\":\"teach\"}}",
      "{\"filter\":{\"type\":{\"$eq\":\"grade\"},\"state\":\"CREATED\"}}",
      "{\"filter\":{\"state\":{\"$in\":[\"FAILED\",\"COMPLETED\"]},\"retries\":{\"$gt\":0}}}",
      "{\"filter\":{\"processInstanceKey\":\"100\",\"type\":{\"$in\":[\"teach\",\"grade\"]}}}",
      "{\"filter\":{\"processInstanceKey\":{\"$in\":[\"101\",\"102\",\"-1\"]},\"state\":{\"$neq\":\"CREATED\"}}}",
      "{\"filter\":{\"jobKey\":{\"$in\":[\"3\",\"4\",\"999\"]}}}",
      "{\"filter\":{\"state\":\"CREATED\"},\"sort\":[{\"field\":\"type\",\"order\":\"DESC\"}],\"page\":{\"limit\":4}}",
      "{\"filter\":{\"state\":\"CREATED\"},\"page\":{\"from\":3,\"limit\":5}}",
      "{\"filter\":{\"type\":\"nobody-polls-this\"}}");

  private static final List<String> TASK_SEARCHES = List.of(
      "{\"filter\":{\"assignee\":\"ada\"}}",
      "{\"filter\":{\"assignee\":\"grace\",\"state\":\"CREATED\"}}",
      "{\"filter\":{\"candidateGroup\":\"tutors\"}}",
      "{\"filter\":{\"candidateGroup\":{\"$in\":[\"tutors\",\"admins\"]},\"elementId\":\"review\"}}",
      "{\"filter\":{\"processInstanceKey\":\"200\",\"candidateGroup\":{\"$eq\":\"admins\"}}}",
      "{\"filter\":{\"state\":{\"$in\":[\"COMPLETED\",\"CANCELED\"]}}}");

  @Test
  void jobSearchesFindWhatAScanFindsAsJobsChangeStateAndRetentionDropsThem() {
    final EntityStore<JobEntry> jobs = IndexedStores.jobs();
    // 20 jobs: enough for the state and type postings to outgrow the small arrays
    for (long key = 1; key <= 20; key++) {
      final long instance = 100 + key % 4;
      jobs.put(key, instance, job(key, key % 3 == 0 ? "grade" : "teach", "CREATED", 3, instance));
    }
    assertSameAsScan(jobs, JOBS, JOB_SEARCHES);

    // when: jobs complete, fail and move to another state
    for (long key = 1; key <= 20; key += 2) {
      jobs.update(key, j -> j.ended("COMPLETED", 1_000));
    }
    jobs.put(4, 100, job(4, "grade", "FAILED", 0, 100));
    jobs.put(6, 102, job(6, "grade", "FAILED", 2, 102));
    assertThat(jobKeys(Search.run(jobs, request("{\"filter\":{\"state\":\"FAILED\"}}"), JOBS))).containsExactly(4L, 6L);
    assertSameAsScan(jobs, JOBS, JOB_SEARCHES);

    // when: retention drops two instances
    jobs.removeOwner(101);
    jobs.removeOwner(102);
    assertThat(jobKeys(Search.run(jobs, request("{\"filter\":{\"processInstanceKey\":\"102\"}}"), JOBS))).isEmpty();
    assertSameAsScan(jobs, JOBS, JOB_SEARCHES);

    // when: every job is gone, the emptied postings are too
    jobs.removeOwner(100);
    jobs.removeOwner(103);
    assertThat(jobs.keysWhere("state", "COMPLETED").size()).isZero();
    assertThat(jobs.keysWhere("type", "teach").size()).isZero();
    assertSameAsScan(jobs, JOBS, JOB_SEARCHES);
  }

  @Test
  void userTaskSearchesFindWhatAScanFindsAfterReassigningAndChangingCandidates() {
    final EntityStore<UserTaskEntry> tasks = IndexedStores.userTasks();
    for (long key = 1; key <= 12; key++) {
      final long instance = 200 + key % 3;
      tasks.put(key, instance, task(key, key % 2 == 0 ? "ada" : "grace", List.of("tutors"), instance));
    }
    assertSameAsScan(tasks, TASKS, TASK_SEARCHES);

    // when: reassigned, given other candidate groups, completed
    tasks.put(1, 201, task(1, "ada", List.of("tutors", "admins"), 201));
    tasks.put(2, 202, task(2, null, List.of("admins"), 202));
    tasks.put(3, 200, task(3, "grace", List.of(), 200));
    tasks.update(4, t -> completed(t, 1_000));
    assertThat(taskKeys(Search.run(tasks, request("{\"filter\":{\"candidateGroup\":\"admins\"}}"), TASKS)))
        .containsExactly(1L, 2L);
    assertSameAsScan(tasks, TASKS, TASK_SEARCHES);

    // when: retention drops an instance
    tasks.removeOwner(200);
    assertSameAsScan(tasks, TASKS, TASK_SEARCHES);

    // when: the read model is cleared (a purge)
    tasks.clear();
    assertThat(tasks.keysWhere("assignee", "ada").size()).isZero();
    assertSameAsScan(tasks, TASKS, TASK_SEARCHES);
  }

  @Test
  void aStandaloneEvaluationOwnedByItselfIsNotFoundAsAProcessInstancesEvaluation() {
    final Schema<DecisionInstanceEntry> schema = Schema.<DecisionInstanceEntry>of("decision instances",
            DecisionInstanceEntry::key)
        .key("processInstanceKey", DecisionInstanceEntry::processInstanceKey);
    final EntityStore<DecisionInstanceEntry> evaluations = IndexedStores.decisionInstances();
    evaluations.put(7, 7, evaluation(7, -1));
    evaluations.put(8, 300, evaluation(8, 300));

    assertThat(Search.run(evaluations, request("{\"filter\":{\"processInstanceKey\":\"7\"}}"), schema).items())
        .isEmpty();
    assertThat(Search.run(evaluations, request("{\"filter\":{\"processInstanceKey\":\"300\"}}"), schema).items())
        .extracting(DecisionInstanceEntry::key).containsExactly(8L);
  }

  private static DecisionInstanceEntry evaluation(long key, long instance) {
    return new DecisionInstanceEntry(key, "EVALUATED", 0, null, "true", 20, "grade", "Grade", 1, instance, 10, -1,
        "<default>", List.of(), List.of());
  }

  private static <R> void assertSameAsScan(EntityStore<R> store, Schema<R> schema, List<String> searches) {
    for (final String search : searches) {
      final SearchResult<R> indexed = Search.run(store, request(search), schema);
      final SearchResult<R> scanned = Search.run(List.copyOf(store.all()), request(search), schema);
      assertThat(indexed).as(search).isEqualTo(scanned);
    }
  }

  private static JobEntry job(long key, String type, String state, int retries, long instance) {
    return new JobEntry(key, type, "worker", state, retries, -1, -1, null, Map.of(), "task", key + 1_000, instance,
        10, "course", "<default>");
  }

  private static UserTaskEntry task(long key, String assignee, List<String> groups, long instance) {
    return new UserTaskEntry(key, "Review", "CREATED", assignee, "review", key + 1_000, groups, List.of(), "course",
        10, 1, instance, 0, -1, null, null, -1, null, Map.of(), 50, "<default>");
  }

  private static UserTaskEntry completed(UserTaskEntry t, long at) {
    return new UserTaskEntry(t.key(), t.name(), "COMPLETED", t.assignee(), t.elementId(), t.elementInstanceKey(),
        t.candidateGroups(), t.candidateUsers(), t.processDefinitionId(), t.processDefinitionKey(),
        t.processDefinitionVersion(), t.processInstanceKey(), t.creationDate(), at, t.dueDate(), t.followUpDate(),
        t.formKey(), t.externalFormReference(), t.customHeaders(), t.priority(), t.tenantId());
  }

  private static JsonNode request(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static List<Long> jobKeys(SearchResult<JobEntry> result) {
    return result.items().stream().map(JobEntry::key).toList();
  }

  private static List<Long> taskKeys(SearchResult<UserTaskEntry> result) {
    return result.items().stream().map(UserTaskEntry::key).toList();
  }
}
