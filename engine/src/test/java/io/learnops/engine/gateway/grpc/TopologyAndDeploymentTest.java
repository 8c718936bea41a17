package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.Topology;
import io.learnops.engine.api.EngineApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopologyAndDeploymentTest extends GatewayScenario {

  private static final String ORDER_BPMN =
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>";

  @Test
  void theClientSeesOneHealthyBrokerLeadingTheOnlyPartition() {
    final Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.14");

    assertThat(topology.getBrokers()).hasSize(1);
    final BrokerInfo broker = topology.getBrokers().get(0);
    assertThat(broker.getNodeId()).isZero();
    assertThat(broker.getAddress()).isEqualTo("engine.local:26500");
    assertThat(broker.getVersion()).isEqualTo("8.8.14");
    assertThat(broker.getPartitions())
        .extracting(p -> p.getPartitionId(), p -> p.getRole(), p -> p.getHealth())
        .containsExactly(tuple(1, PartitionBrokerRole.LEADER, PartitionBrokerHealth.HEALTHY));
  }

  @Test
  void deployingHandsEveryResourceToTheEngineAndReturnsTheDeployedProcesses() {
    final byte[] orderBytes = ORDER_BPMN.getBytes(StandardCharsets.UTF_8);

    final DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addResourceBytes(orderBytes, "order.bpmn")
            .addResourceStringUtf8(ORDER_BPMN, "refund.bpmn")
            .send()
            .join();

    final EngineApi.Deploy deploy = engine.lastReceived(EngineApi.Deploy.class);
    assertThat(deploy.resources())
        .extracting(EngineApi.Resource::name, EngineApi.Resource::content)
        .containsExactly(tuple("order.bpmn", orderBytes), tuple("refund.bpmn", orderBytes));
    assertThat(deploy.tenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);

    assertThat(deployment.getKey()).isEqualTo(2251799813685248L);
    assertThat(deployment.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
    assertThat(deployment.getProcesses())
        .extracting(
            Process::getBpmnProcessId,
            Process::getVersion,
            Process::getProcessDefinitionKey,
            Process::getResourceName,
            Process::getTenantId)
        .containsExactly(
            tuple("order", 1, 2251799813685249L, "order.bpmn", EngineApi.DEFAULT_TENANT),
            tuple("refund", 1, 2251799813685250L, "refund.bpmn", EngineApi.DEFAULT_TENANT));
  }

  @Test
  void aDeploymentForANamedTenantReachesThatTenant() {
    final DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8(ORDER_BPMN, "order.bpmn")
            .tenantId("acme")
            .send()
            .join();

    assertThat(engine.lastReceived(EngineApi.Deploy.class).tenantId()).isEqualTo("acme");
    assertThat(deployment.getTenantId()).isEqualTo("acme");
    assertThat(deployment.getProcesses()).extracting(Process::getTenantId).containsOnly("acme");
  }
}
