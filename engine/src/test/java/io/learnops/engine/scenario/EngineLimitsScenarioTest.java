package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input that would exhaust the engine's stack or memory is refused, or fails on its own, with an
 * error naming the limit it exceeds; the engine goes on processing everything else.
 */
class EngineLimitsScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aModelNestingSubProcessesTooDeepIsRefusedNamingTheLimitAndTheElementAndOneAsDeepAsAllowedRuns(
      Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    for (final int depth : List.of(600, 5_000)) {
      // when a model nests sub-processes far deeper than the engine reads
      final String id = "deep-" + depth + "-" + transport;
      final String model = nestedSubProcesses(id, depth);

      // then the deployment is refused as bad input naming the limit, the first element past it and the resource
      assertThatThrownBy(() -> client.newDeployResourceCommand()
          .addResourceString(model, StandardCharsets.UTF_8, "deep.bpmn").send().join())
          .as("%d levels", depth)
          .hasMessageContaining(
              "Expected sub-processes nested at most 100 deep, but 'sub-101' in resource 'deep.bpmn' is nested 101 deep")
          .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
      // and nothing of it was deployed
      assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join())
          .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
    }

    // and a model nested exactly as deep as allowed deploys, and its instances pass through every level
    final String id = "deepest-allowed-" + transport;
    client.newDeployResourceCommand()
        .addResourceString(nestedSubProcesses(id, 100), StandardCharsets.UTF_8, "deepest.bpmn").send().join();
    final ProcessInstanceResult instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "sub-100", ELEMENT_COMPLETED)).isTrue();
  }

  /**
   * A process whose sub-processes {@code sub-1} … {@code sub-<depth>} each hold the next one
   * between a start and an end event. Written as text: the model builder and writer recurse.
   */
  private static String nestedSubProcesses(String processId, int depth) {
    final StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="deep" \
        targetNamespace="https://learnops.io/limits">
        <bpmn:process id="%s" isExecutable="true">
        """.formatted(processId));
    for (int level = 0; level < depth; level++) {
      xml.append("""
          <bpmn:startEvent id="start-%1$d"/>
          <bpmn:sequenceFlow id="into-%2$d" sourceRef="start-%1$d" targetRef="sub-%2$d"/>
          <bpmn:sequenceFlow id="out-of-%2$d" sourceRef="sub-%2$d" targetRef="end-%1$d"/>
          <bpmn:endEvent id="end-%1$d"/>
          <bpmn:subProcess id="sub-%2$d">
          """.formatted(level, level + 1));
    }
    xml.append("<bpmn:startEvent id=\"start-%1$d\"/><bpmn:sequenceFlow id=\"innermost\" sourceRef=\"start-%1$d\" "
        .formatted(depth) + "targetRef=\"end-%1$d\"/><bpmn:endEvent id=\"end-%1$d\"/>\n".formatted(depth));
    xml.append("</bpmn:subProcess>\n".repeat(depth));
    return xml.append("</bpmn:process>\n</bpmn:definitions>\n").toString();
  }
}
