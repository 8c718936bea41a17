package io.learnops.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** An Exporter bean in the app's context reads the embedded engine's record stream. */
class EmbeddedEngineExportersTest {

  @TempDir Path dataDir;

  @Test
  void anExporterBeanSeesTheRecordsOfTheEmbeddedEngine() throws Exception {
    final RecordingExporter recording = new RecordingExporter();
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("recordingExporter", recording);
    final EngineProperties properties =
        new EngineProperties(EngineProperties.Mode.EMBEDDED, 0, 0, 0, Files.createDirectories(dataDir), false,
            "127.0.0.1");

    try (Engine engine = new EmbeddedEngineConfiguration().embeddedEngine(properties, beans.getBeanProvider(Exporter.class));
        CamundaClient client = CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
            .restAddress(URI.create("http://localhost:" + engine.restPort()))
            .build()) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("welcome").startEvent().endEvent().done(), "welcome.bpmn")
          .send().join();
      final long instance = client.newCreateInstanceCommand().bpmnProcessId("welcome").latestVersion().send().join()
          .getProcessInstanceKey();

      assertThat(recording.contains(instance, ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    }
  }
}
