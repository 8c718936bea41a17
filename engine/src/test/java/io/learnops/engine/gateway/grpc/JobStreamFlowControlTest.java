package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.learnops.engine.api.EngineApi;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job stream respects gRPC flow control: a worker that stops reading is not buried in jobs it
 * cannot take; they go back to the engine at once, and the stream is served again when the worker
 * reads again. Uses a raw gRPC client, since the Camunda client always reads.
 */
class JobStreamFlowControlTest extends GatewayScenario {

  /** Large enough that a few unread jobs fill the HTTP/2 flow-control window. */
  private static final Map<String, Object> BULKY = Map.of("document", "x".repeat(64 * 1024));

  private final AtomicInteger received = new AtomicInteger();
  private final AtomicReference<ClientCallStreamObserver<StreamActivatedJobsRequest>> clientCall =
      new AtomicReference<>();
  private ManagedChannel channel;

  @AfterEach
  void closeChannel() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aStreamWhoseWorkerStopsReadingRefusesJobsAndAsksForMoreWhenItReadsAgain() {
    final FakeEngine.OpenStream stream = openStreamThatReadsNothing();

    final int pushed = pushUntilRefused(stream);

    assertThat(pushed).as("jobs accepted before the window was full").isLessThan(1_000);
    assertThat(stream.sink().isReady()).isFalse();
    // earlier ready signals may already have resumed the stream; that only costs a look for jobs
    final int resumedBeforeReading = stream.resumed().get();

    clientCall.get().request(Integer.MAX_VALUE);

    await().untilAsserted(() -> assertThat(stream.resumed()).hasValueGreaterThan(resumedBeforeReading));
    await().untilAsserted(() -> assertThat(received).hasValue(pushed));
    assertThat(stream.sink().isReady()).isTrue();
  }

  @Test
  void aJobPushedToAStreamWhoseWorkerWentAwayIsRefused() {
    final FakeEngine.OpenStream stream = openStreamThatReadsNothing();

    clientCall.get().cancel("worker shut down", null);

    await().untilTrue(stream.closed());
    assertThat(stream.sink().isReady()).isFalse();
    assertThat(stream.sink().push(bulkyJob(1))).isFalse();
  }

  /**
   * Pushes until the call stays not ready: a first refusal may only be the transport's write queue,
   * which drains into the client's flow-control window until that is full.
   */
  private static int pushUntilRefused(final FakeEngine.OpenStream stream) {
    int pushed = 0;
    while (pushed < 1_000) {
      while (pushed < 1_000 && stream.sink().push(bulkyJob(pushed))) {
        pushed++;
      }
      try {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
            .until(() -> !stream.sink().isReady());
        return pushed;
      } catch (ConditionTimeoutException stillDraining) {
        // ready again: the window had room left
      }
    }
    return pushed;
  }

  private FakeEngine.OpenStream openStreamThatReadsNothing() {
    // a fixed window (no auto-tuning), so that a few unread jobs fill it
    channel = NettyChannelBuilder.forAddress("localhost", gateway.port()).usePlaintext()
        .flowControlWindow(64 * 1024).build();
    GatewayGrpc.newStub(channel)
        .streamActivatedJobs(
            StreamActivatedJobsRequest.newBuilder()
                .setType("charge-card")
                .setWorker("slow-worker")
                .setTimeout(300_000)
                .build(),
            new ClientResponseObserver<StreamActivatedJobsRequest, ActivatedJob>() {
              @Override
              public void beforeStart(final ClientCallStreamObserver<StreamActivatedJobsRequest> call) {
                call.disableAutoRequestWithInitial(0);
                clientCall.set(call);
              }

              @Override
              public void onNext(final ActivatedJob job) {
                received.incrementAndGet();
              }

              @Override
              public void onError(final Throwable t) {}

              @Override
              public void onCompleted() {}
            });
    await().until(() -> !engine.streams.isEmpty());
    return engine.streams.get(0);
  }

  private static EngineApi.ActivatedJob bulkyJob(final int index) {
    return job(2251799813685300L + index, "charge-card", BULKY, "BPMN_ELEMENT", "UNSPECIFIED");
  }
}
