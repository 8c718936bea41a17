package io.learnops.app.models;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model found on the classpath in one deployment when the app starts, before it
 * reports ready. The engine keeps a resource's version when its content did not change, so
 * restarts do not pile up versions. A failed deployment stops the start: an app whose models were
 * rejected would only fail later, on the first program.
 */
@Component
class ModelDeployer implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final CamundaClient client;
  private final ResourcePatternResolver resolver;
  private final ModelProperties properties;

  ModelDeployer(CamundaClient client, ResourcePatternResolver resolver, ModelProperties properties) {
    this.client = client;
    this.resolver = resolver;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.deployOnStart()) {
      LOG.info("Model deployment on start is off (learnops.models.deploy-on-start=false)");
      return;
    }
    final Map<String, byte[]> models = findModels();
    if (models.isEmpty()) {
      LOG.warn("No models found at {}: nothing deployed", properties.locations());
      return;
    }
    final DeploymentEvent deployment = deploy(models);
    LOG.info("Deployed {} model(s) {} as deployment {}: processes {}, decisions {}, forms {}",
        models.size(), models.keySet(), deployment.getKey(),
        deployment.getProcesses().stream().map(p -> p.getBpmnProcessId() + " v" + p.getVersion()).toList(),
        deployment.getDecisions().stream().map(d -> d.getDmnDecisionId() + " v" + d.getVersion()).toList(),
        deployment.getForm().stream().map(f -> f.getFormId() + " v" + f.getVersion()).toList());
  }

  /** The models by resource name; the first one found wins when two share a name. */
  Map<String, byte[]> findModels() {
    final Map<String, byte[]> models = new LinkedHashMap<>();
    for (final Resource resource : resources()) {
      final String name = resource.getFilename();
      if (name != null && !models.containsKey(name)) {
        models.put(name, read(resource));
      }
    }
    return models;
  }

  private List<Resource> resources() {
    final List<Resource> found = new ArrayList<>();
    for (final String location : properties.locations()) {
      try {
        found.addAll(Arrays.asList(resolver.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list models at " + location, e);
      }
    }
    return found;
  }

  private DeploymentEvent deploy(Map<String, byte[]> models) {
    final DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 step = null;
    for (final Map.Entry<String, byte[]> model : models.entrySet()) {
      step = step == null
          ? command.addResourceBytes(model.getValue(), model.getKey())
          : step.addResourceBytes(model.getValue(), model.getKey());
    }
    return step.send().join();
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource.getDescription(), e);
    }
  }
}
