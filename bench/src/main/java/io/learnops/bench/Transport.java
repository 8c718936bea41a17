package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import io.learnops.engine.Engine;
import java.net.URI;

/** How the unmodified Camunda client reaches the engine, and how its workers get jobs. */
enum Transport {
  /** the 8.8 client's defaults: commands over REST v2, workers polling (long polls) over REST */
  REST("rest"),
  /** {@code preferRestOverGrpc=false}: commands over gRPC, jobs pushed over a job stream */
  GRPC("grpc");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  CamundaClient connect(Engine engine, int workerThreads) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .preferRestOverGrpc(this == REST)
        .numJobWorkerExecutionThreads(workerThreads)
        .build();
  }

  JobWorkerBuilderStep3 jobSupply(JobWorkerBuilderStep3 worker) {
    // REST has no job stream; gRPC workers still poll now and then to pick up stragglers
    return this == GRPC ? worker.streamEnabled(true) : worker;
  }
}
