package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.SetVariablesResponse;
import io.grpc.Status;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.CreateProcessInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessInstanceTest extends GatewayScenario {

  @Test
  void startingTheLatestVersionOfAProcessById() {
    final ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().bpmnProcessId("order").latestVersion().send().join();

    final CreateProcessInstance command = engine.lastReceived(CreateProcessInstance.class);
    assertThat(command.bpmnProcessId()).isEqualTo("order");
    assertThat(command.version()).isEqualTo(CreateProcessInstance.LATEST_VERSION);
    assertThat(command.processDefinitionKey()).isZero();
    assertThat(command.variables()).isEmpty();
    assertThat(command.tenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);

    assertThat(instance.getBpmnProcessId()).isEqualTo("order");
    assertThat(instance.getVersion()).isEqualTo(3);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685249L);
    assertThat(instance.getProcessInstanceKey()).isEqualTo(2251799813685260L);
    assertThat(instance.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
  }

  @Test
  void startingASpecificVersionForATenant() {
    final ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .version(2)
            .tenantId("acme")
            .send()
            .join();

    final CreateProcessInstance command = engine.lastReceived(CreateProcessInstance.class);
    assertThat(command.version()).isEqualTo(2);
    assertThat(command.tenantId()).isEqualTo("acme");
    assertThat(instance.getVersion()).isEqualTo(2);
    assertThat(instance.getTenantId()).isEqualTo("acme");
  }

  @Test
  void startingByProcessDefinitionKey() {
    final ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().processDefinitionKey(2251799813685777L).send().join();

    final CreateProcessInstance command = engine.lastReceived(CreateProcessInstance.class);
    assertThat(command.processDefinitionKey()).isEqualTo(2251799813685777L);
    assertThat(command.bpmnProcessId()).isEmpty();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685777L);
  }

  @Test
  void startVariablesReachTheEngineAsParsedJson() {
    client
        .newCreateInstanceCommand()
        .bpmnProcessId("order")
        .latestVersion()
        .variables(
            Map.of("orderId", "A-17", "amount", 42, "items", List.of("book", "pen"), "vip", true))
        .send()
        .join();

    assertThat(engine.lastReceived(CreateProcessInstance.class).variables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "orderId", "A-17", "amount", 42, "items", List.of("book", "pen"), "vip", true));
  }

  @Test
  void waitingForTheResultPassesTimeoutAndFetchedVariablesAndReturnsTheVariables() {
    final ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .variable("amount", 42)
            .withResult()
            .fetchVariables("approved")
            .requestTimeout(Duration.ofSeconds(7))
            .send()
            .join();

    final FakeEngine.CreateWithResult command =
        engine.lastReceived(FakeEngine.CreateWithResult.class);
    assertThat(command.requestTimeoutMillis()).isEqualTo(7_000);
    assertThat(command.fetchVariables()).containsExactly("approved");
    assertThat(command.command().bpmnProcessId()).isEqualTo("order");
    assertThat(command.command().variables()).containsEntry("amount", 42);

    assertThat(result.getProcessInstanceKey()).isEqualTo(2251799813685260L);
    assertThat(result.getBpmnProcessId()).isEqualTo("order");
    assertThat(result.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
    assertThat(result.getVariablesAsMap()).containsExactlyEntriesOf(Map.of("approved", true));
  }

  @Test
  void startInstructionsAreRefusedRatherThanSilentlyIgnored() {
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order")
                    .latestVersion()
                    .startBeforeElement("ship")
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
              assertThat(e.getStatus().getDescription()).contains("startInstructions");
            });
    assertThat(engine.received).isEmpty();
  }

  @Test
  void cancellingAnInstance() {
    client.newCancelInstanceCommand(2251799813685260L).send().join();

    assertThat(engine.lastReceived(FakeEngine.CancelInstance.class).processInstanceKey())
        .isEqualTo(2251799813685260L);
  }

  @Test
  void settingLocalVariablesOnAnElementInstance() {
    final SetVariablesResponse response =
        client
            .newSetVariablesCommand(2251799813685270L)
            .variables(Map.of("approved", false))
            .local(true)
            .send()
            .join();

    final EngineApi.SetVariables command = engine.lastReceived(EngineApi.SetVariables.class);
    assertThat(command.elementInstanceKey()).isEqualTo(2251799813685270L);
    assertThat(command.variables()).containsExactlyEntriesOf(Map.of("approved", false));
    assertThat(command.local()).isTrue();
    assertThat(response.getKey()).isEqualTo(2251799813685400L);
  }

  @Test
  void resolvingAnIncident() {
    client.newResolveIncidentCommand(2251799813685600L).send().join();

    assertThat(engine.lastReceived(FakeEngine.ResolveIncident.class).incidentKey())
        .isEqualTo(2251799813685600L);
  }
}
