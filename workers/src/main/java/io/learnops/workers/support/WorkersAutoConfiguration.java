package io.learnops.workers.support;

import io.learnops.workers.ports.LoggingNotifier;
import io.learnops.workers.ports.Notifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Registers every worker ({@code @Component} classes under {@code io.learnops.workers}) and the
 * connector clients. The workers need the ports in {@code io.learnops.workers.ports}: the app
 * provides them (see the module README); only {@link Notifier} has a default, which logs.
 * {@code learnops.workers.enabled=false} switches the workers off.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "learnops.workers.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackages = {"io.learnops.workers.intake", "io.learnops.workers.design",
    "io.learnops.workers.review", "io.learnops.workers.delivery", "io.learnops.workers.evaluation",
    "io.learnops.workers.tasks"})
@Import(ConnectorsConfiguration.class)
public class WorkersAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Notifier loggingNotifier() {
    return new LoggingNotifier();
  }
}
