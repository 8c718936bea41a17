package io.learnops.workflows;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineClock;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.UserTaskValue;
import io.learnops.engine.record.ValueType;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process engine per test class with a clock the test moves, a Camunda client (commands
 * and job polling over gRPC; searches and user-task commands over REST v2, which only REST has), and auto-completing workers for the listener jobs (stage and task timings),
 * whose jobs are recorded so tests can assert them.
 */
final class EngineExtension implements BeforeAllCallback, AfterAllCallback {

  static final List<String> LISTENER_TYPES =
      List.of("learnops.stage.entered", "learnops.stage.left", "learnops.program.completed", "learnops.task.event");
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Engine time when a test class starts. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final EngineClock clock = EngineClock.controlled(START);
  private final RecordingExporter records = new RecordingExporter();
  private final List<ActivatedJob> listenerJobs = new CopyOnWriteArrayList<>();
  private final List<JobWorker> workers = new ArrayList<>();
  private Engine engine;
  private CamundaClient client;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    engine = Engine.start(EngineConfig.forTests().withClock(clock).withExporters(List.of(records)));
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .defaultJobPollInterval(Duration.ofMillis(50))
        .preferRestOverGrpc(false)
        .build();
    for (String type : LISTENER_TYPES) {
      workers.add(client.newWorker().jobType(type).handler((jobs, job) -> {
        listenerJobs.add(job);
        jobs.newCompleteCommand(job).send().join();
      }).open());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }

  CamundaClient client() {
    return client;
  }

  void advanceClock(Duration duration) {
    clock.add(duration);
  }

  /** Deploys model files from the module's top, as the app deploys them from the classpath. */
  void deploy(String... files) {
    var command = client.newDeployResourceCommand().addResourceFile(Models.path(files[0]).toString());
    for (int i = 1; i < files.length; i++) {
      command = command.addResourceFile(Models.path(files[i]).toString());
    }
    command.send().join();
  }

  /** Deploys resources given as file name → content, e.g. models rewritten in memory. */
  void deploy(Map<String, String> resources) {
    var entries = List.copyOf(resources.entrySet());
    var command = client.newDeployResourceCommand()
        .addResourceString(entries.get(0).getValue(), java.nio.charset.StandardCharsets.UTF_8, entries.get(0).getKey());
    for (int i = 1; i < entries.size(); i++) {
      command = command.addResourceString(entries.get(i).getValue(), java.nio.charset.StandardCharsets.UTF_8,
          entries.get(i).getKey());
    }
    command.send().join();
  }

  long start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
  }

  /** Waits until a job of the type is activatable for the instance and activates it. */
  ActivatedJob awaitJob(long processInstanceKey, String type) {
    List<ActivatedJob> found = new ArrayList<>();
    await().atMost(WAIT).alias("job " + type + " of instance " + processInstanceKey + ", incidents " + incidentsLater())
        .until(() -> {
      for (ActivatedJob job : client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs()) {
        if (job.getProcessInstanceKey() == processInstanceKey && found.isEmpty()) {
          found.add(job);
        } else {
          client.newFailCommand(job).retries(job.getRetries()).send().join();
        }
      }
      return !found.isEmpty();
    });
    return found.get(0);
  }

  /** Activates the next job of the type, whatever its instance (to find a called process's instance). */
  ActivatedJob awaitAnyJob(String type) {
    List<ActivatedJob> found = new ArrayList<>();
    await().atMost(WAIT).until(() -> {
      found.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs());
      return !found.isEmpty();
    });
    return found.get(0);
  }

  ActivatedJob completeJob(long processInstanceKey, String type, Map<String, Object> variables) {
    ActivatedJob job = awaitJob(processInstanceKey, type);
    client.newCompleteCommand(job).variables(variables).send().join();
    return job;
  }

  ActivatedJob completeJob(long processInstanceKey, String type) {
    return completeJob(processInstanceKey, type, Map.of());
  }

  ActivatedJob throwError(long processInstanceKey, String type, String errorCode) {
    ActivatedJob job = awaitJob(processInstanceKey, type);
    client.newThrowErrorCommand(job).errorCode(errorCode).send().join();
    return job;
  }

  /**
   * Waits for the open user tasks of an element of the instance and reads them over REST v2
   * ({@code GET /v2/user-tasks/{key}}). The engine has no user-task search yet, so the keys come
   * from its USER_TASK records; the inbox will use the search once the read API has it.
   */
  List<UserTask> awaitUserTasks(long processInstanceKey, String elementId, int count) {
    List<Long> keys = new ArrayList<>();
    await().atMost(WAIT).alias(count + " open user tasks " + elementId + " of instance " + processInstanceKey
        + ", incidents " + incidentsLater()).until(() -> {
      keys.clear();
      keys.addAll(openUserTaskKeys(elementId, processInstanceKey));
      return keys.size() == count;
    });
    return keys.stream().map(key -> client.newUserTaskGetRequest(key).send().join()).toList();
  }

  /** The one open user task of the element, whatever its instance (e.g. in a called process). */
  UserTask awaitOpenUserTask(String elementId) {
    List<Long> keys = new ArrayList<>();
    await().atMost(WAIT).alias("one open user task " + elementId + ", incidents " + incidentsLater()).until(() -> {
      keys.clear();
      keys.addAll(openUserTaskKeys(elementId, null));
      return keys.size() == 1;
    });
    return client.newUserTaskGetRequest(keys.get(0)).send().join();
  }

  private List<Long> openUserTaskKeys(String elementId, Long processInstanceKey) {
    List<Record<UserTaskValue>> tasks = records.ofType(ValueType.USER_TASK, UserTaskValue.class)
        .filter(r -> elementId.equals(r.value().elementId())
            && (processInstanceKey == null || r.value().processInstanceKey() == processInstanceKey))
        .toList();
    return tasks.stream().filter(r -> r.intent() == UserTaskIntent.CREATED).map(Record::key).distinct()
        .filter(key -> tasks.stream().noneMatch(r -> r.key() == key && (r.intent() == UserTaskIntent.COMPLETED
            || r.intent() == UserTaskIntent.CANCELED || r.intent() == UserTaskIntent.COMPLETING)))
        .toList();
  }

  UserTask completeUserTask(long processInstanceKey, String elementId, Map<String, Object> variables) {
    UserTask task = awaitUserTasks(processInstanceKey, elementId, 1).get(0);
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(variables).send().join();
    return task;
  }

  void publish(String messageName, String correlationKey, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
        .variables(variables).send().join();
  }

  /** Waits until the element of the instance reached the lifecycle intent (e.g. ELEMENT_ACTIVATED). */
  void awaitElement(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    await().atMost(WAIT).until(() -> records.reached(processInstanceKey, elementId, intent));
  }

  void awaitCompleted(long processInstanceKey) {
    await().atMost(WAIT).until(() -> records.contains(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  /** Ids of the elements of the instance that completed, in order (the path taken). */
  List<String> completedElements(long processInstanceKey) {
    return records.processInstanceRecords()
        .filter(r -> r.value().processInstanceKey() == processInstanceKey
            && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.key() != processInstanceKey)
        .map(r -> r.value().elementId()).toList();
  }

  private Object incidentsLater() {
    return new Object() {
      @Override
      public String toString() {
        return incidents().toString();
      }
    };
  }

  /** Open incidents as "bpmnProcessId/elementId: message", for failure messages. */
  List<String> incidents() {
    return engine.processor().read(state -> state.incidents.values().stream()
        .map(i -> i.bpmnProcessId + "/" + i.elementId + ": " + i.errorMessage).toList()).join();
  }

  List<ActivatedJob> listenerJobs() {
    return List.copyOf(listenerJobs);
  }
}
