package io.learnops.engine.testkit;

import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an in-process engine for a Spring test context (free ports, controllable clock, in
 * memory) and points Camunda Process Test's Spring integration at it in REMOTE mode through its
 * {@code camunda.process-test.*} properties. The engine lives as long as the (cached) context.
 */
public final class LearnOpsEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    final Engine engine;
    try {
      engine = Engine.start(EngineConfig.forTests().withClockControlled(true));
    } catch (IOException e) {
      throw new UncheckedIOException("The LearnOps engine for the process test could not start", e);
    }
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
        engine.close();
      }
    });
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("learnopsEngine", Map.of(
        "camunda.process-test.runtime-mode", "remote",
        "camunda.process-test.remote.client.grpc-address", "http://localhost:" + engine.grpcPort(),
        "camunda.process-test.remote.client.rest-address", "http://localhost:" + engine.restPort(),
        "camunda.process-test.remote.camunda-monitoring-api-address", "http://localhost:" + engine.managementPort())));
  }
}
