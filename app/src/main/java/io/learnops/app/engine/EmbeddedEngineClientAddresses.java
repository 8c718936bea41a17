package io.learnops.app.engine;

import io.camunda.client.spring.properties.CamundaClientProperties;
import io.learnops.engine.Engine;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * Points the Camunda client at the embedded engine. Once {@code camunda.client.*} is bound, this
 * starts the engine (by asking for its bean) and replaces the gRPC and REST addresses with the
 * ports the engine actually got, so that port 0 works too. It also records that the client
 * properties depend on the engine: Spring then closes the client before it stops the engine.
 */
final class EmbeddedEngineClientAddresses implements BeanPostProcessor, BeanFactoryAware {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineClientAddresses.class);

  private ConfigurableBeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = (ConfigurableBeanFactory) beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (bean instanceof CamundaClientProperties properties) {
      final Engine engine = beanFactory.getBean(EmbeddedEngineConfiguration.ENGINE_BEAN, Engine.class);
      beanFactory.registerDependentBean(EmbeddedEngineConfiguration.ENGINE_BEAN, beanName);
      properties.setGrpcAddress(URI.create("http://localhost:" + engine.grpcPort()));
      properties.setRestAddress(URI.create("http://localhost:" + engine.restPort()));
      LOG.info("Camunda client uses the embedded engine: gRPC {}, REST {}",
          properties.getGrpcAddress(), properties.getRestAddress());
    }
    return bean;
  }
}
