package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Quotes from several vendors, approvals by several approvers: one inner instance per item. */
class MultiInstanceScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance requestQuotes(String id, Transport transport, boolean sequential) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("requestQuote", t -> t.zeebeJobType("quote-" + id)
            .multiInstance(m -> {
              if (sequential) {
                m.sequential();
              } else {
                m.parallel();
              }
              m.zeebeInputCollectionExpression("vendors").zeebeInputElement("vendor")
                  .zeebeOutputCollection("quotes").zeebeOutputElementExpression("{vendor: vendor, price: price}");
            }))
        .endEvent().done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void threeVendorsAreAskedInParallelAndTheirQuotesCollectedInOrder(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "quotes-parallel-" + transport;
    ENGINE.deploy(transport, requestQuotes(id, transport, false));
    final var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("vendors", List.of("acme", "globex", "initech"))).withResult()
        .requestTimeout(Duration.ofSeconds(20)).send();

    final List<ActivatedJob> jobs = await().until(() -> client.newActivateJobsCommand().jobType("quote-" + id)
        .maxJobsToActivate(10).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs(), list -> list.size() == 3);
    final List<ActivatedJob> reversed = new ArrayList<>(jobs);
    java.util.Collections.reverse(reversed);
    for (final ActivatedJob job : reversed) {
      final String vendor = (String) job.getVariablesAsMap().get("vendor");
      assertThat(job.getVariablesAsMap()).containsKey("loopCounter");
      client.newCompleteCommand(job.getKey()).variables(Map.of("price", 1000 + vendor.length())).send().join();
    }

    assertThat(result.join().getVariablesAsMap().get("quotes")).isEqualTo(List.of(
        Map.of("vendor", "acme", "price", 1004),
        Map.of("vendor", "globex", "price", 1006),
        Map.of("vendor", "initech", "price", 1007)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void sequentialApprovalsRunOneAfterAnother(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "quotes-sequential-" + transport;
    ENGINE.deploy(transport, requestQuotes(id, transport, true));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("vendors", List.of("acme", "globex"))).send().join();

    final ActivatedJob first = activateOne(client, "quote-" + id);
    assertThat(first.getVariablesAsMap()).containsEntry("vendor", "acme").containsEntry("loopCounter", 1);
    assertThat(client.newActivateJobsCommand().jobType("quote-" + id).maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
    client.newCompleteCommand(first.getKey()).variables(Map.of("price", 1)).send().join();
    final ActivatedJob second = activateOne(client, "quote-" + id);
    assertThat(second.getVariablesAsMap()).containsEntry("vendor", "globex").containsEntry("loopCounter", 2);
    client.newCompleteCommand(second.getKey()).variables(Map.of("price", 2)).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theFirstApprovalThatMeetsTheConditionEndsTheOthers(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "any-approver-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("approve", t -> t.zeebeJobType("approve-" + id)
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("approvers").zeebeInputElement("approver")
                .completionCondition("= approved = true")))
        .endEvent("decided").done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("approvers", List.of("lea", "sam", "kim"))).send().join();
    final List<ActivatedJob> jobs = await().until(() -> client.newActivateJobsCommand().jobType("approve-" + id)
        .maxJobsToActivate(10).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs(), list -> list.size() == 3);

    client.newCompleteCommand(jobs.get(1).getKey()).variables(Map.of("approved", true)).send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "decided", ELEMENT_COMPLETED));
    assertThat(ENGINE.records().processInstanceRecords()
        .filter(r -> r.value().processInstanceKey() == instance.getProcessInstanceKey()
            && "approve".equals(r.value().elementId()) && r.intent() == ELEMENT_TERMINATED)
        .count()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anEmptyCollectionCompletesAtOnceAndANonListRaisesAnIncident(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "quotes-edge-" + transport;
    ENGINE.deploy(transport, requestQuotes(id, transport, false));

    final var empty = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("vendors", List.of())).withResult().send().join();
    assertThat(empty.getVariablesAsMap()).containsEntry("quotes", List.of());

    final ProcessInstanceEvent wrong = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("vendors", "acme")).send().join();
    await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .anyMatch(i -> i.processInstanceKey == wrong.getProcessInstanceKey() && i.elementId.equals("requestQuote"))));
  }
}
