package io.learnops.workflows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variables a stage receives from learning-program, with the documented SLA defaults. */
final class Fixtures {

  private Fixtures() {}

  static Map<String, Object> request(String programId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("programId", programId);
    variables.put("requester", "mara.lind@example.com");
    variables.put("title", "Data privacy for customer support");
    variables.put("topic", "data-privacy");
    variables.put("businessImpact", "high");
    variables.put("audienceSize", 600);
    variables.put("regulatoryRisk", "mandatory");
    variables.put("urgency", "medium");
    variables.put("audienceCriteria", "department eq \"Support\"");
    return variables;
  }

  static Map<String, Object> sla() {
    Map<String, Object> sla = new HashMap<>();
    sla.put("intakeDecisionDueIn", "P5D");
    sla.put("designTaskDueIn", "P10D");
    sla.put("quoteDeadlineIn", "P14D");
    sla.put("approvalDueIn", "P3D");
    sla.put("approvalReminderAfter", "P2D");
    sla.put("approvalEscalateAfter", "P5D");
    sla.put("escalatedApprovalDueIn", "P2D");
    sla.put("deliveryIssueDueIn", "P2D");
    sla.put("completionDeadlineIn", "P60D");
    sla.put("surveyWindow", "P14D");
    sla.put("followUpOffsets", List.of("P30D", "P60D", "P90D"));
    sla.put("followUpDueIn", "P7D");
    sla.put("kpiMeasurementAfter", "P90D");
    sla.put("kpiDataDueIn", "P10D");
    sla.put("decisionDueIn", "P10D");
    return sla;
  }

  @SafeVarargs
  static Map<String, Object> merge(Map<String, Object>... maps) {
    Map<String, Object> merged = new HashMap<>();
    for (Map<String, Object> map : maps) {
      merged.putAll(map);
    }
    return merged;
  }
}
