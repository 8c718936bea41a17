package io.learnops.app.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as shipped, on ports of its own: the embedded engine as {@link EmbeddedEngineOnFreePorts}
 * runs it, with a clock the tests may move (as the README walkthrough does); a free HTTP port
 * chosen before the context starts, because the connectors' base URLs
 * ({@code http://localhost:${server.port}/sandbox/…}) are resolved while the context refreshes,
 * before a random port would be known; an in-memory database.
 */
public final class WiredApp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    new EmbeddedEngineOnFreePorts().initialize(context);
    TestPropertyValues.of(
            "server.port=" + FreePort.pick(),
            "learnops.engine.clock-controlled=true",
            "learnops.delivery.completion-watch.interval=PT1S",
            "spring.datasource.url=jdbc:h2:mem:wired;DB_CLOSE_DELAY=-1")
        .applyTo(context);
  }
}
