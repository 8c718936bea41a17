package io.learnops.app.programs;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The program's process instance on the engine, through the unchanged Camunda client. */
@Component
class ProgramProcesses {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final CamundaClient client;
  private final String processId;

  ProgramProcesses(CamundaClient client, @Value("${learnops.programs.process-id:learning-program}") String processId) {
    this.client = client;
    this.processId = processId;
  }

  /** Starts the latest version of the program process; returns the process instance key. */
  long start(Map<String, Object> variables) {
    try {
      return client.newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(variables)
          .requestTimeout(REQUEST_TIMEOUT)
          .send()
          .join()
          .getProcessInstanceKey();
    } catch (ClientException | CompletionException e) {
      throw ProgramProblems.engineUnavailable(isNotFound(e)
          ? "Process '" + processId + "' is not deployed on the engine: " + reason(e)
          : "The engine did not start process '" + processId + "': " + reason(e), e);
    }
  }

  /** Cancels the instance; false when the engine no longer has it (it already ended). */
  boolean cancel(long processInstanceKey) {
    try {
      client.newCancelInstanceCommand(processInstanceKey).requestTimeout(REQUEST_TIMEOUT).send().join();
      return true;
    } catch (ClientException | CompletionException e) {
      if (isNotFound(e)) {
        return false;
      }
      throw ProgramProblems.engineUnavailable(
          "The engine did not cancel process instance " + processInstanceKey + ": " + reason(e), e);
    }
  }

  String processId() {
    return processId;
  }

  private static boolean isNotFound(Throwable e) {
    final Throwable cause = unwrap(e);
    return cause instanceof ProblemException problem && problem.code() == 404
        || cause instanceof ClientStatusException status && status.getStatusCode() == Status.Code.NOT_FOUND;
  }

  /** The engine's own words where it gave some (REST problem detail), else the exception's. */
  private static String reason(Throwable e) {
    final Throwable cause = unwrap(e);
    if (cause instanceof ProblemException problem && problem.details() != null && problem.details().getDetail() != null) {
      return problem.details().getDetail();
    }
    return String.valueOf(cause.getMessage());
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
