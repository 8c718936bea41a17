package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import io.learnops.engine.api.EngineApi;
import java.util.List;
import java.util.stream.IntStream;

/** {@code /v2/topology} and {@code /v2/status}: what the client checks before it does work. */
final class TopologyHandler implements ResourceHandler {

  /** The engine is one process, so it is broker 0 and leads every partition. */
  private static final int NODE_ID = 0;

  private final EngineApi api;

  TopologyHandler(EngineApi api) {
    this.api = api;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v2/topology", request -> Reply.json(api.topology(), this::toDto)),
        // the gateway is in-process: if it answers, the engine is up
        Route.of("GET", "/v2/status", request -> Reply.now(RestResponse.noContent())));
  }

  private TopologyResponse toDto(EngineApi.Topology topology) {
    final List<Partition> partitions =
        IntStream.rangeClosed(1, topology.partitionsCount())
            .mapToObj(
                id ->
                    new Partition()
                        .partitionId(id)
                        .role(Partition.RoleEnum.LEADER)
                        .health(Partition.HealthEnum.HEALTHY))
            .toList();
    final BrokerInfo broker =
        new BrokerInfo()
            .nodeId(NODE_ID)
            .host(topology.brokerHost())
            .port(topology.brokerPort())
            .version(topology.gatewayVersion())
            .partitions(partitions);
    return new TopologyResponse()
        .brokers(List.of(broker))
        .clusterSize(topology.clusterSize())
        .partitionsCount(topology.partitionsCount())
        .replicationFactor(topology.replicationFactor())
        .gatewayVersion(topology.gatewayVersion())
        .lastCompletedChangeId(Long.toString(topology.lastCompletedChangeId()));
  }
}
