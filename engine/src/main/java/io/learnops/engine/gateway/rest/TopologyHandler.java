package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.gateway.AnswerLimits;
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
        // as a Camunda gateway: 204 while a partition is healthy, 503 once processing stopped
        Route.of("GET", "/v2/status", request -> new Reply<EngineApi.Topology>(api.topology(),
            topology -> topology.healthy()
                ? RestResponse.noContent()
                : Problems.of(new Rejection(Rejection.Type.UNAVAILABLE,
                    "The engine stopped processing commands; see its log"), request.path()),
            AnswerLimits::command)));
  }

  private TopologyResponse toDto(EngineApi.Topology topology) {
    final List<Partition> partitions =
        IntStream.rangeClosed(1, topology.partitionsCount())
            .mapToObj(
                id ->
                    new Partition()
                        .partitionId(id)
                        .role(Partition.RoleEnum.LEADER)
                        .health(topology.healthy() ? Partition.HealthEnum.HEALTHY : Partition.HealthEnum.DEAD))
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
