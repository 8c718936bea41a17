package io.learnops.app.engine;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code learnops.engine.*}: which engine the app talks to.
 *
 * @param mode {@code embedded} (default) starts the engine in this process; {@code remote} uses a
 *     Camunda 8.8 gateway configured with the standard {@code camunda.client.*} properties
 * @param grpcPort embedded engine gRPC port (0 picks a free one)
 * @param restPort embedded engine REST v2 port, not 8080 so that the app keeps it
 * @param managementPort embedded engine health and metrics port
 * @param dataDir embedded engine journal and snapshots
 * @param clockControlled whether the embedded engine's management port may move its clock
 * @param bindAddress where the embedded engine's ports listen: this machine only unless opened
 *     ({@code /actuator/clock}); for demos and tests, never in production
 */
@ConfigurationProperties("learnops.engine")
public record EngineProperties(
    @DefaultValue("embedded") Mode mode,
    @DefaultValue("26500") int grpcPort,
    @DefaultValue("8088") int restPort,
    @DefaultValue("9600") int managementPort,
    @DefaultValue("data/engine") Path dataDir,
    @DefaultValue("false") boolean clockControlled,
    @DefaultValue("127.0.0.1") String bindAddress) {

  public enum Mode {
    EMBEDDED,
    REMOTE
  }
}
