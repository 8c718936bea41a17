package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read API over REST, as the unmodified client uses it: definitions, instances, element
 * instances and sequence flows, each readable as soon as the command that made them is answered.
 */
class ReadApiProcessScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static CamundaClient client;

  @BeforeAll
  static void deploy() {
    client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST,
        Bpmn.createExecutableProcess("enrolment").name("Enrolment").startEvent("requested")
            .serviceTask("enrol", t -> t.zeebeJobType("read-enrol")).endEvent("enrolled").done(),
        Bpmn.createExecutableProcess("program").startEvent()
            .callActivity("runEnrolment", c -> c.zeebeProcessId("enrolment")).endEvent().done(),
        Bpmn.createExecutableProcess("certification").startEvent("requested")
            .serviceTask("certify", t -> t.zeebeJobType("read-certify")).endEvent("certified").done());
  }

  @Test
  void aStartedInstanceIsReadableAtOnceWithItsElementInstances() {
    // given
    final ProcessInstanceEvent started = start("enrolment", Map.of("learner", "ada"));

    // when
    final ProcessInstance instance = client.newProcessInstanceGetRequest(started.getProcessInstanceKey()).send().join();
    final List<ElementInstance> elements = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(started.getProcessInstanceKey()))
        .sort(s -> s.elementInstanceKey().asc())
        .send().join().items();

    // then
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(instance.getProcessDefinitionId()).isEqualTo("enrolment");
    assertThat(instance.getProcessDefinitionName()).isEqualTo("Enrolment");
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(started.getProcessDefinitionKey());
    assertThat(instance.getStartDate()).isNotNull();
    assertThat(instance.getEndDate()).isNull();
    assertThat(elements).extracting(ElementInstance::getElementId, ElementInstance::getElementName,
            ElementInstance::getType, ElementInstance::getState)
        .containsExactly(
            tuple("enrolment", "Enrolment", ElementInstanceType.PROCESS, ElementInstanceState.ACTIVE),
            tuple("requested", "requested", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
            tuple("enrol", "enrol", ElementInstanceType.SERVICE_TASK, ElementInstanceState.ACTIVE));
  }

  @Test
  void aCompletedInstanceStaysReadableWithItsHistoryAndSequenceFlows() {
    // given
    final ProcessInstanceEvent started = start("certification", Map.of());
    final long job = activateOne(client, "read-certify", Duration.ofSeconds(5)).getKey();

    // when
    client.newCompleteCommand(job).send().join();

    // then
    final ProcessInstance instance = client.newProcessInstanceGetRequest(started.getProcessInstanceKey()).send().join();
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instance.getEndDate()).isNotNull();
    final List<ElementInstance> completed = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(started.getProcessInstanceKey()).state(ElementInstanceState.COMPLETED))
        .send().join().items();
    assertThat(completed).extracting(ElementInstance::getElementId)
        .containsExactlyInAnyOrder("certification", "requested", "certify", "certified");
    final List<ProcessInstanceSequenceFlow> flows =
        client.newProcessInstanceSequenceFlowsRequest(started.getProcessInstanceKey()).send().join();
    assertThat(flows).hasSize(2).allSatisfy(flow -> assertThat(flow.getProcessDefinitionId()).isEqualTo("certification"));
  }

  @Test
  void aCalledInstanceNamesItsParentAndItsCallHierarchy() {
    // given
    final ProcessInstanceEvent program = start("program", Map.of());

    // when
    final ProcessInstance child = client.newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(program.getProcessInstanceKey()))
        .send().join().singleItem();

    // then
    assertThat(child.getProcessDefinitionId()).isEqualTo("enrolment");
    final ElementInstance callActivity = client.newElementInstanceGetRequest(child.getParentElementInstanceKey())
        .send().join();
    assertThat(callActivity.getElementId()).isEqualTo("runEnrolment");
    assertThat(client.newProcessInstanceGetCallHierarchyRequest(child.getProcessInstanceKey()).send().join())
        .extracting(entry -> entry.getProcessInstanceKey())
        .containsExactly(program.getProcessInstanceKey(), child.getProcessInstanceKey());
  }

  @Test
  void processDefinitionsAreSearchableAndServeTheirXml() {
    // when
    final ProcessDefinition definition = client.newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId("enrolment").isLatestVersion(true))
        .send().join().singleItem();
    final String xml = client.newProcessDefinitionGetXmlRequest(definition.getProcessDefinitionKey()).send().join();

    // then
    assertThat(definition.getVersion()).isEqualTo(1);
    assertThat(definition.getName()).isEqualTo("Enrolment");
    assertThat(definition.getResourceName()).isEqualTo("enrolment.bpmn");
    assertThat(client.newProcessDefinitionGetRequest(definition.getProcessDefinitionKey()).send().join()
        .getProcessDefinitionId()).isEqualTo("enrolment");
    assertThat(xml).contains("<process id=\"enrolment\"").contains("read-enrol");
  }

  @Test
  void elementStatisticsCountTheInstancesOfEachElement() {
    // given
    final ProcessInstanceEvent started = start("enrolment", Map.of());

    // when
    final var statistics = client.newProcessInstanceElementStatisticsRequest(started.getProcessInstanceKey())
        .send().join();

    // then
    assertThat(statistics).extracting(s -> s.getElementId(), s -> s.getActive(), s -> s.getCompleted())
        .containsExactlyInAnyOrder(tuple("requested", 0L, 1L), tuple("enrol", 1L, 0L));
  }

  @Test
  void definitionStatisticsCountTheElementsOfAllItsInstances() {
    // given
    final long definitionKey = start("enrolment", Map.of()).getProcessDefinitionKey();

    // when
    final var statistics = client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join();

    // then
    assertThat(statistics).filteredOn(s -> s.getElementId().equals("enrol"))
        .singleElement().satisfies(s -> assertThat(s.getActive()).isPositive());
  }

  private static ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join();
  }
}
