package io.learnops.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.learnops.engine.Engine;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Remote mode starts no engine and leaves the client on the configured cluster addresses. */
@SpringBootTest(properties = {
    "learnops.engine.mode=remote",
    "camunda.client.grpc-address=http://zeebe.cluster.test:26500",
    "camunda.client.rest-address=http://zeebe.cluster.test:8080",
    "camunda.client.worker.defaults.enabled=false",
    "learnops.models.deploy-on-start=false",
    "spring.datasource.url=jdbc:h2:mem:remote;DB_CLOSE_DELAY=-1"
})
class RemoteModeTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;

  @Test
  void startsNoEngineAndUsesTheConfiguredAddresses() {
    assertThat(context.getBeansOfType(Engine.class)).isEmpty();
    assertThat(context.getBeansOfType(EmbeddedEngineClientAddresses.class)).isEmpty();
    assertThat(client.getConfiguration().getGrpcAddress()).isEqualTo(URI.create("http://zeebe.cluster.test:26500"));
    assertThat(client.getConfiguration().getRestAddress()).isEqualTo(URI.create("http://zeebe.cluster.test:8080"));
  }
}
