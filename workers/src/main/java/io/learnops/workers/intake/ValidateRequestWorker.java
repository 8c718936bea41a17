package io.learnops.workers.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.learnops.workers.support.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.intake.validate-request}: mandatory fields present and the rubric values known
 * (the triage DMN fails on unknown values, so they are caught here with a message for the
 * requester). Invalid is {@code REQUEST_INVALID} with {@code validationErrors}. Pure: a retry
 * gives the same answer.
 */
@Component
public class ValidateRequestWorker {

  static final String REQUEST_INVALID = "REQUEST_INVALID";
  private static final Set<String> LEVELS = Set.of("low", "medium", "high");
  private static final Set<String> RISKS = Set.of("none", "elevated", "mandatory");

  @JobWorker(type = "learnops.intake.validate-request", fetchVariables = {"programId",
      "requester", "title", "businessImpact", "audienceSize", "regulatoryRisk", "urgency"})
  public void validateRequest(@Variable(name = "programId") String programId,
      @Variable(name = "requester") Object requester, @Variable(name = "title") String title,
      @Variable(name = "businessImpact") String businessImpact,
      @Variable(name = "audienceSize") Object audienceSize,
      @Variable(name = "regulatoryRisk") String regulatoryRisk,
      @Variable(name = "urgency") String urgency) {
    List<String> errors = errors(programId, requester, title, businessImpact, audienceSize,
        regulatoryRisk, urgency);
    if (!errors.isEmpty()) {
      throw CamundaError.bpmnError(REQUEST_INVALID, String.join("; ", errors),
          Map.of("validationErrors", errors));
    }
  }

  static List<String> errors(String programId, Object requester, String title,
      String businessImpact, Object audienceSize, String regulatoryRisk, String urgency) {
    List<String> errors = new ArrayList<>();
    if (Variables.text(programId).isEmpty()) {
      errors.add("programId is missing");
    }
    if (Variables.text(requester).isEmpty()) {
      errors.add("requester is missing");
    }
    if (Variables.text(title).isEmpty()) {
      errors.add("title is missing");
    }
    oneOf(errors, "businessImpact", businessImpact, LEVELS);
    oneOf(errors, "urgency", urgency, LEVELS);
    oneOf(errors, "regulatoryRisk", regulatoryRisk, RISKS);
    var size = Variables.decimal(audienceSize);
    if (size.isEmpty()) {
      errors.add("audienceSize must be a number");
    } else if (size.get().signum() <= 0 || size.get().stripTrailingZeros().scale() > 0) {
      errors.add("audienceSize must be a whole number of at least 1");
    }
    return errors;
  }

  private static void oneOf(List<String> errors, String name, String value, Set<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      errors.add(name + " must be one of " + new java.util.TreeSet<>(allowed)
          + (value == null ? "" : ", got '" + value + "'"));
    }
  }
}
