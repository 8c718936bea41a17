package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance intake(String id, String taskName) {
    return Bpmn.createExecutableProcess(id).startEvent().serviceTask("triage", t -> t.name(taskName).zeebeJobType("triage"))
        .endEvent().done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void redeployingAnUnchangedModelKeepsItsVersionAndAChangedOneGetsTheNext(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "intake-" + transport;

    final String model = Bpmn.convertToString(intake(id, "Triage"));

    final Process first = deploy(client, "intake.bpmn", model).getProcesses().get(0);
    final Process again = deploy(client, "intake.bpmn", model).getProcesses().get(0);
    final Process changed = deploy(client, "intake.bpmn", model.replace("Triage", "Triage the request"))
        .getProcesses().get(0);

    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(changed.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getResourceName()).isEqualTo("intake.bpmn");

    final ProcessInstanceEvent byVersion = client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
    final ProcessInstanceEvent latest = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    final ProcessInstanceEvent byKey = client.newCreateInstanceCommand()
        .processDefinitionKey(first.getProcessDefinitionKey()).variables(Map.of("requester", "ana")).send().join();
    assertThat(byVersion.getVersion()).isEqualTo(1);
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(byKey.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(byKey.getBpmnProcessId()).isEqualTo(id);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void oneDeploymentCarriesSeveralResources(Transport transport) {
    final DeploymentEvent deployment = ENGINE.client(transport).newDeployResourceCommand()
        .addProcessModel(intake("design-" + transport, "Design"), "design.bpmn")
        .addProcessModel(intake("review-" + transport, "Review"), "review.bpmn")
        .send().join();

    assertThat(deployment.getProcesses()).extracting(Process::getBpmnProcessId)
        .containsExactlyInAnyOrder("design-" + transport, "review-" + transport);
    assertThat(deployment.getKey()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aResourceThatIsNotXmlIsRejectedNamingTheResource(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newDeployResourceCommand()
        .addResourceString("this is not BPMN", StandardCharsets.UTF_8, "notes.bpmn").send().join())
        .hasMessageContaining("notes.bpmn")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anUnsupportedElementIsRejectedAtDeployNamingElementAndTypeAndNothingIsDeployed(Transport transport) {
    final String id = "manual-approval-" + transport;
    final BpmnModelInstance withUnsupported = Bpmn.createExecutableProcess(id).startEvent()
        .userTask("stage").endEvent().done();

    assertThatThrownBy(() -> ENGINE.client(transport).newDeployResourceCommand()
        .addProcessModel(intake("fine-" + transport, "ok"), "fine.bpmn")
        .addProcessModel(withUnsupported, "approval.bpmn").send().join())
        .hasMessageContaining("approval.bpmn")
        .hasMessageContaining("stage")
        .hasMessageContaining("userTask")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ENGINE.client(transport).newCreateInstanceCommand()
        .bpmnProcessId("fine-" + transport).latestVersion().send().join())
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anAdHocSubprocessIsRejectedForWhatItIsNotForALackOfStartEvents(Transport transport) {
    final String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="course-research-%s" isExecutable="true">
            <bpmn:startEvent id="asked" />
            <bpmn:sequenceFlow id="toResearch" sourceRef="asked" targetRef="research" />
            <bpmn:adHocSubProcess id="research">
              <bpmn:serviceTask id="searchCatalogue">
                <bpmn:extensionElements><zeebe:taskDefinition type="search" /></bpmn:extensionElements>
              </bpmn:serviceTask>
            </bpmn:adHocSubProcess>
            <bpmn:sequenceFlow id="toDone" sourceRef="research" targetRef="answered" />
            <bpmn:endEvent id="answered" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(transport);

    assertThatThrownBy(() -> deploy(ENGINE.client(transport), "research.bpmn", xml))
        .hasMessageContaining("research")
        .hasMessageContaining("the element type 'adHocSubProcess' is not supported")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("start event"))
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyBrokenRuleIsListedWithItsElement(Transport transport) {
    final BpmnModelInstance broken = Bpmn.createExecutableProcess("broken-" + transport).startEvent()
        .serviceTask("noType")
        .exclusiveGateway("decide")
        .conditionExpression("= budget >")
        .endEvent()
        .done();

    assertThatThrownBy(() -> ENGINE.client(transport).newDeployResourceCommand()
        .addProcessModel(broken, "broken.bpmn").send().join())
        .hasMessageContaining("noType")
        .hasMessageContaining("budget >")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDocumentationPoolThatIsNotExecutableIsIgnoredAsZeebeIgnoresIt(Transport transport) {
    final String id = "enrolment-" + transport;
    // the vendor's pool has no start event and a task without a job type: fine, it is not executable
    final String collaboration = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:collaboration id="collaboration">
            <bpmn:participant id="academy" processRef="%1$s" />
            <bpmn:participant id="vendor" processRef="vendor-side" />
          </bpmn:collaboration>
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="requested" />
            <bpmn:sequenceFlow id="toEnrol" sourceRef="requested" targetRef="enrol" />
            <bpmn:serviceTask id="enrol">
              <bpmn:extensionElements><zeebe:taskDefinition type="%1$s" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="toDone" sourceRef="enrol" targetRef="enrolled" />
            <bpmn:endEvent id="enrolled" />
          </bpmn:process>
          <bpmn:process id="vendor-side" isExecutable="false">
            <bpmn:serviceTask id="confirmSeats" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id);

    final DeploymentEvent deployment = deploy(ENGINE.client(transport), "enrolment.bpmn", collaboration);

    assertThat(deployment.getProcesses()).extracting(Process::getBpmnProcessId).containsExactly(id);
    final ProcessInstanceEvent instance = ENGINE.client(transport).newCreateInstanceCommand().bpmnProcessId(id)
        .latestVersion().send().join();
    assertThat(instance.getProcessInstanceKey()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void startingAnUnknownProcessIsNotFoundNamingIt(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newCreateInstanceCommand()
        .bpmnProcessId("no-such-process").latestVersion().send().join())
        .hasMessageContaining("no-such-process")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  private static DeploymentEvent deploy(CamundaClient client, String name, String xml) {
    return client.newDeployResourceCommand().addResourceString(xml, StandardCharsets.UTF_8, name).send().join();
  }
}
