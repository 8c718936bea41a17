package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.learnops.connectors.hris.scim.Employee;
import io.learnops.connectors.hris.scim.ScimClient;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.ConnectorsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.resolve-audience}: the active employees matching
 * {@code audienceCriteria} in the HRIS (SCIM), as learner ids (their work e-mail, which the LMS
 * looks users up by) split into batches of {@code batchSize}. Nobody matching, or criteria that
 * cannot be read, is {@code AUDIENCE_EMPTY} with {@code audienceError}: L&D ops fixes the
 * criteria. Employees without an e-mail cannot be enrolled and are left out. Reading only, so a
 * retry is harmless.
 */
@Component
public class ResolveAudienceWorker {

  static final String TYPE = "learnops.delivery.resolve-audience";
  static final String AUDIENCE_EMPTY = "AUDIENCE_EMPTY";

  private final ScimClient scim;
  private final int maxAudience;

  public ResolveAudienceWorker(ScimClient scim, ConnectorsProperties properties) {
    this.scim = scim;
    this.maxAudience = properties.scim().maxAudience();
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId", "audienceCriteria", "batchSize"})
  public Result resolveAudience(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "audienceCriteria") Object audienceCriteria,
      @Variable(name = "batchSize") Integer batchSize) {
    AudienceCriteria.Parsed parsed = AudienceCriteria.parse(audienceCriteria);
    if (parsed.filter().isEmpty()) {
      throw empty(parsed.error().orElseThrow());
    }
    List<String> learners = ConnectorErrors.call(job,
        () -> scim.findAll(parsed.filter().get(), maxAudience)).stream()
        .map(Employee::email)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
    if (learners.isEmpty()) {
      throw empty("no active employee with an e-mail matches " + audienceCriteria);
    }
    return new Result(batches(learners, batchSize == null || batchSize < 1 ? 100 : batchSize),
        learners.size());
  }

  static List<List<String>> batches(List<String> learners, int size) {
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < learners.size(); from += size) {
      batches.add(List.copyOf(learners.subList(from, Math.min(from + size, learners.size()))));
    }
    return batches;
  }

  private static RuntimeException empty(String reason) {
    return CamundaError.bpmnError(AUDIENCE_EMPTY, reason, Map.of("audienceError", reason));
  }

  public record Result(List<List<String>> audienceBatches, int audienceSize) {
  }
}
