package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.CreateProcessInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessInstanceEndpointsTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void creatingTheLatestVersionByIdStartsAnInstance() {
    final ProcessInstanceEvent instance =
        fixture
            .client
            .newCreateInstanceCommand()
            .bpmnProcessId("order-process")
            .latestVersion()
            .send()
            .join();

    final CreateProcessInstance command = lastCreate();
    assertThat(command.bpmnProcessId()).isEqualTo("order-process");
    assertThat(command.version()).isEqualTo(CreateProcessInstance.LATEST_VERSION);
    assertThat(command.processDefinitionKey()).isNotPositive();
    assertThat(command.variables()).isEmpty();
    assertThat(command.tenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);

    assertThat(instance.getProcessInstanceKey()).isEqualTo(2251799813685249L);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685248L);
    assertThat(instance.getBpmnProcessId()).isEqualTo("order-process");
    assertThat(instance.getVersion()).isEqualTo(3);
    assertThat(instance.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
  }

  @Test
  void creatingAGivenVersionByIdPassesTheVersion() {
    fixture
        .client
        .newCreateInstanceCommand()
        .bpmnProcessId("order-process")
        .version(2)
        .send()
        .join();

    assertThat(lastCreate().version()).isEqualTo(2);
  }

  @Test
  void creatingByDefinitionKeyUsesTheKey() {
    final ProcessInstanceEvent instance =
        fixture
            .client
            .newCreateInstanceCommand()
            .processDefinitionKey(2251799813685777L)
            .send()
            .join();

    assertThat(lastCreate().processDefinitionKey()).isEqualTo(2251799813685777L);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685777L);
  }

  @Test
  void variablesReachTheEngineAsPlainJavaValuesWithDecimalsAsBigDecimal() {
    fixture
        .client
        .newCreateInstanceCommand()
        .bpmnProcessId("order-process")
        .latestVersion()
        .variables(
            Map.of(
                "amount", 12.1,
                "customer", Map.of("name", "Zoë", "vip", true),
                "items", List.of(1, 2)))
        .tenantId("tenant-a")
        .send()
        .join();

    final CreateProcessInstance command = lastCreate();
    assertThat(command.variables())
        // parsed like JsonVariables does, so no binary rounding happens on the engine side
        .containsEntry("amount", new BigDecimal("12.1"))
        .containsEntry("customer", Map.of("name", "Zoë", "vip", true))
        .containsEntry("items", List.of(1, 2));
    assertThat(command.tenantId()).isEqualTo("tenant-a");
  }

  @Test
  void creatingWithResultWaitsForTheEngineAndReturnsItsVariables() {
    final ProcessInstanceResult result =
        fixture
            .client
            .newCreateInstanceCommand()
            .bpmnProcessId("order-process")
            .latestVersion()
            .withResult()
            .fetchVariables("total", "approved")
            .requestTimeout(Duration.ofSeconds(3))
            .send()
            .join();

    final FakeEngine.Call call = fixture.engine.lastCall("createProcessInstanceWithResult");
    assertThat(((CreateProcessInstance) call.arguments().get(0)).bpmnProcessId())
        .isEqualTo("order-process");
    assertThat(call.arguments().get(1)).isEqualTo(3000L);
    assertThat(call.arguments().get(2)).isEqualTo(List.of("total", "approved"));

    assertThat(result.getProcessInstanceKey()).isEqualTo(2251799813685249L);
    assertThat(result.getVariablesAsMap())
        .containsEntry("total", 42)
        .containsEntry("approved", true);
    assertThat(fixture.engine.calls("createProcessInstance")).isEmpty();
  }

  @Test
  void cancellingAnInstanceReachesTheEngineWithItsKey() {
    fixture.client.newCancelInstanceCommand(2251799813685249L).send().join();

    assertThat(fixture.engine.lastCall("cancelProcessInstance").argument())
        .isEqualTo(2251799813685249L);
  }

  private CreateProcessInstance lastCreate() {
    return (CreateProcessInstance) fixture.engine.lastCall("createProcessInstance").argument();
  }
}
