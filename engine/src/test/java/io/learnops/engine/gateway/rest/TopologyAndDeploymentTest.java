package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.camunda.client.api.response.Topology;
import io.learnops.engine.api.EngineApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyAndDeploymentTest {

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
  void clientSeesOneHealthyBrokerLeadingPartitionOne() {
    final Topology topology = fixture.client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.14");
    assertThat(topology.getBrokers()).hasSize(1);
    final BrokerInfo broker = topology.getBrokers().get(0);
    assertThat(broker.getNodeId()).isZero();
    assertThat(broker.getHost()).isEqualTo("engine-host");
    assertThat(broker.getPort()).isEqualTo(26500);
    assertThat(broker.getPartitions())
        .singleElement()
        .satisfies(
            partition -> {
              assertThat(partition.getPartitionId()).isEqualTo(1);
              assertThat(partition.getRole()).isEqualTo(PartitionBrokerRole.LEADER);
              assertThat(partition.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY);
              assertThat(partition.isLeader()).isTrue();
            });
  }

  @Test
  void statusRequestSucceedsWhileTheGatewayRuns() {
    fixture.client.newStatusRequest().send().join();
  }

  @Test
  void anEngineThatStoppedProcessingIsReportedDeadAndItsStatusUnavailable() {
    fixture.engine.topology = new EngineApi.Topology(1, 1, 1, "8.8.14", "engine-host", 26500, 0, false);

    assertThat(fixture.client.newTopologyRequest().send().join().getBrokers().get(0).getPartitions().get(0).getHealth())
        .isEqualTo(PartitionBrokerHealth.DEAD);
    assertThatThrownBy(() -> fixture.client.newStatusRequest().send().join()).hasMessageContaining("503");
  }

  @Test
  void deployingTwoResourcesHandsTheEngineTheirExactNamesAndBytes() {
    final String firstName = "orders/prøcess-✓.bpmn";
    final byte[] firstContent =
        "<bpmn:definitions name=\"Zahlung prüfen ✓\"/>".getBytes(StandardCharsets.UTF_8);
    // bytes that look like multipart syntax must survive: CRLF, dashes, a fake boundary, NUL
    final byte[] secondContent = {0, 13, 10, '-', '-', 'x', 13, 10, 13, 10, (byte) 0xff, '-', '-'};

    final DeploymentEvent deployment =
        fixture
            .client
            .newDeployResourceCommand()
            .addResourceBytes(firstContent, firstName)
            .addResourceBytes(secondContent, "binary.form")
            .send()
            .join();

    final EngineApi.Deploy command =
        (EngineApi.Deploy) fixture.engine.lastCall("deploy").argument();
    assertThat(command.tenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
    assertThat(command.resources()).hasSize(2);
    assertThat(command.resources().get(0).name()).isEqualTo(firstName);
    assertThat(command.resources().get(0).content()).isEqualTo(firstContent);
    assertThat(command.resources().get(1).name()).isEqualTo("binary.form");
    assertThat(command.resources().get(1).content()).isEqualTo(secondContent);

    assertThat(deployment.getKey()).isEqualTo(2251799813685299L);
    assertThat(deployment.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
    assertThat(deployment.getProcesses())
        .extracting(
            process -> process.getBpmnProcessId(),
            process -> process.getVersion(),
            process -> process.getProcessDefinitionKey(),
            process -> process.getResourceName(),
            process -> process.getTenantId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "process-0", 1, 2251799813685300L, firstName, EngineApi.DEFAULT_TENANT),
            org.assertj.core.groups.Tuple.tuple(
                "process-1", 1, 2251799813685301L, "binary.form", EngineApi.DEFAULT_TENANT));
  }

  @Test
  void deploymentForATenantCarriesTheTenantId() {
    fixture
        .client
        .newDeployResourceCommand()
        .addResourceStringUtf8("<definitions/>", "a.bpmn")
        .tenantId("tenant-a")
        .send()
        .join();

    final EngineApi.Deploy command =
        (EngineApi.Deploy) fixture.engine.lastCall("deploy").argument();
    assertThat(command.tenantId()).isEqualTo("tenant-a");
  }
}
