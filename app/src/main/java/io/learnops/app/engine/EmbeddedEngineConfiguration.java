package io.learnops.app.engine;

import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.exporter.Exporter;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode (the default): the engine runs in this process and the Camunda client is pointed
 * at it. The engine bean is created before the client (see {@link EmbeddedEngineClientAddresses})
 * and closed after it. Every {@link Exporter} bean reads the engine's record stream.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "learnops.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedEngine";

  @Bean(name = ENGINE_BEAN, destroyMethod = "close")
  Engine embeddedEngine(EngineProperties properties, ObjectProvider<Exporter> exporters) throws IOException {
    return Engine.start(EngineConfig.defaults()
        .withPorts(properties.grpcPort(), properties.restPort(), properties.managementPort())
        .withDataDir(properties.dataDir())
        .withClockControlled(properties.clockControlled())
        .withBindAddress(properties.bindAddress())
        .withExporters(exporters.orderedStream().toList()));
  }

  @Bean
  static EmbeddedEngineClientAddresses embeddedEngineClientAddresses() {
    return new EmbeddedEngineClientAddresses();
  }
}
