package io.learnops.engine.gateway.grpc;

import io.learnops.engine.EngineConfig;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.gateway.AnswerLimits;
import io.learnops.engine.gateway.AnswerTimer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe gRPC gateway (plaintext) in front of an {@link EngineApi}, so that the unmodified
 * Camunda Java client can talk to the engine.
 */
public final class GrpcGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcGateway.class);

  /**
   * The Camunda client pings every 45 s by default. Netty's default floor of 5 minutes would make
   * the server answer those pings with GOAWAY (too_many_pings) and drop long-lived job streams.
   */
  private static final Duration MIN_CLIENT_KEEP_ALIVE = Duration.ofSeconds(30);

  /**
   * How long close() lets running calls finish before cancelling them. Job streams and long polls
   * never finish on their own, so this is also how long closing takes while workers are connected.
   */
  private static final Duration GRACE_PERIOD = Duration.ofSeconds(5);

  private static final Duration FORCED_SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final Server server;
  private final Duration gracePeriod;
  private final AnswerTimer answerTimer = new AnswerTimer("learnops-grpc-deadlines");
  /** Writes replies, so the engine's journal writer, which completes the futures, goes back to the disk. */
  private final ExecutorService replies = Executors.newFixedThreadPool(2, runnable -> {
    final Thread thread = new Thread(runnable, "learnops-grpc-replies");
    thread.setDaemon(true);
    return thread;
  });

  /** Listens on the loopback address only. */
  public GrpcGateway(final EngineApi api, final int port) {
    this(api, EngineConfig.LOOPBACK, port, AnswerLimits.DEFAULT);
  }

  /**
   * @param host the address to listen on
   * @param limits how long a call waits for the engine before it gets DEADLINE_EXCEEDED
   */
  public GrpcGateway(final EngineApi api, final String host, final int port, final AnswerLimits limits) {
    this(api, host, port, GRACE_PERIOD, limits);
  }

  /** Lets tests reach the forced shutdown without waiting out the production grace period. */
  GrpcGateway(final EngineApi api, final int port, final Duration gracePeriod) {
    this(api, EngineConfig.LOOPBACK, port, gracePeriod, AnswerLimits.DEFAULT);
  }

  private GrpcGateway(final EngineApi api, final String host, final int port, final Duration gracePeriod,
      final AnswerLimits limits) {
    this.gracePeriod = gracePeriod;
    final StatusMapper statuses = new StatusMapper();
    final ResponseMapper responses = new ResponseMapper();
    final GatewayService service =
        new GatewayService(
            api, new RequestMapper(), responses, statuses, new Replies(statuses, replies, answerTimer), limits);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
            .addService(service)
            .permitKeepAliveTime(MIN_CLIENT_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  public void start() throws IOException {
    server.start();
    LOG.info("gRPC gateway listening on port {}", port());
  }

  /** The port the gateway listens on; the one the system picked if it was created with 0. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    replies.shutdown();
    answerTimer.close();
    server.shutdown();
    try {
      if (!server.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        if (!server.awaitTermination(FORCED_SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn(
              "gRPC gateway did not terminate within {}", gracePeriod.plus(FORCED_SHUTDOWN_WAIT));
        }
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
