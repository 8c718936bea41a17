package io.learnops.engine.testkit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.util.Map;

/** The learning-program models the suite runs, and the two steps every scenario starts with. */
final class Processes {

  private Processes() {}

  /** enrol (job "enrol") → issue certificate (job "certify"); an "lms-down" error ends it at "enrolmentFailed". */
  static BpmnModelInstance enrolment() {
    return Bpmn.createExecutableProcess("enrolment")
        .startEvent("requested")
        .serviceTask("enrol", t -> t.name("Enrol learner").zeebeJobType("enrol"))
        .boundaryEvent("lmsDown", b -> b.error("lms-down")).endEvent("enrolmentFailed")
        .moveToActivity("enrol")
        .serviceTask("certify", t -> t.name("Issue certificate").zeebeJobType("certify"))
        .endEvent("certified")
        .done();
  }

  /** a reminder three days after the course starts */
  static BpmnModelInstance reminder() {
    return Bpmn.createExecutableProcess("reminder")
        .startEvent()
        .intermediateCatchEvent("threeDays").timerWithDuration("P3D")
        .serviceTask("remind", t -> t.zeebeJobType("remind"))
        .endEvent("reminded")
        .done();
  }

  /** places the learner with the "course-level" decision (course-level.dmn) */
  static BpmnModelInstance placement() {
    return Bpmn.createExecutableProcess("placement")
        .startEvent()
        .businessRuleTask("placeLearner", t -> t.zeebeCalledDecisionId("course-level").zeebeResultVariable("level"))
        .endEvent("placed")
        .done();
  }

  /** a training manager approves a learning plan (a Camunda user task) */
  static BpmnModelInstance planApproval() {
    return Bpmn.createExecutableProcess("plan-approval")
        .startEvent()
        .userTask("approvePlan", t -> t.name("Approve learning plan").zeebeUserTask()
            .zeebeCandidateGroups("training-managers"))
        .endEvent("approved")
        .done();
  }

  static void deploy(CamundaClient client, BpmnModelInstance process) {
    final String id = process.getModelElementsByType(Process.class).iterator().next().getId();
    client.newDeployResourceCommand().addProcessModel(process, id + ".bpmn").send().join();
  }

  static ProcessInstanceEvent start(CamundaClient client, String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join();
  }
}
