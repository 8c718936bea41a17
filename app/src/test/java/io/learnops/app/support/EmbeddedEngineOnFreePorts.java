package io.learnops.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a test context's embedded engine on free ports with a data directory of its own, so test
 * contexts never share a journal or collide on the default ports.
 */
public final class EmbeddedEngineOnFreePorts implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      TestPropertyValues.of(
              "learnops.engine.grpc-port=0",
              "learnops.engine.rest-port=0",
              "learnops.engine.management-port=0",
              "learnops.engine.data-dir=" + Files.createTempDirectory("learnops-app-engine"))
          .applyTo(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
