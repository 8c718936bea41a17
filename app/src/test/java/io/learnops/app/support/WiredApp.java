package io.learnops.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as shipped, on ports of its own: a free HTTP port chosen before the context starts,
 * because the connectors' base URLs ({@code http://localhost:${server.port}/sandbox/…}) are
 * resolved while the context refreshes, before a random port would be known; the embedded engine
 * on free ports with a temporary data directory and a clock the tests may move (as the README
 * walkthrough does); an in-memory database.
 */
public final class WiredApp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      TestPropertyValues.of(
              "server.port=" + FreePort.pick(),
              "learnops.engine.grpc-port=0",
              "learnops.engine.rest-port=0",
              "learnops.engine.management-port=0",
              "learnops.engine.data-dir=" + Files.createTempDirectory("learnops-wired-engine"),
              "learnops.engine.clock-controlled=true",
              "learnops.delivery.completion-watch.interval=PT1S",
              "spring.datasource.url=jdbc:h2:mem:wired;DB_CLOSE_DELAY=-1")
          .applyTo(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
