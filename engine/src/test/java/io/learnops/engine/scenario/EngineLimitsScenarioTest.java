package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.state.Incident;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpressionBuildingAHugeValueFailsWithAnIncidentNamingTheLimitAndTheEngineGoesOn(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    // given a script that lists fifty million numbers, and an output mapping that joins 26 million characters
    final String numbers = "for i in 1..50000000 return i";
    final String letters = "string join(for i in 1..1000000 return \"abcdefghijklmnopqrstuvwxyz\")";
    final String id = "huge-values-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway().defaultFlow()
          .scriptTask("listNumbers", s -> s.zeebeExpression(numbers).zeebeResultVariable("numbers")).endEvent()
        .moveToLastExclusiveGateway().conditionExpression("mapping")
          .intermediateThrowEvent("joinLetters", e -> e.zeebeOutputExpression(letters, "letters")).endEvent()
        .done());

    // when an instance reaches each
    final ProcessInstanceEvent listing = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("mapping", false)).send().join();
    final ProcessInstanceEvent joining = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("mapping", true)).send().join();

    // then each evaluation fails with an incident on its element naming the expression and the limit
    final Incident listed = incidentOf(listing);
    assertThat(listed.elementId).isEqualTo("listNumbers");
    assertThat(listed.errorType).isEqualTo(Incident.ErrorType.EXTRACT_VALUE_ERROR);
    assertThat(listed.errorMessage).isEqualTo("Expected the expression '=" + numbers + "' to produce lists of at "
        + "most 1,000,000 items, but the range 1..50000000 has 50,000,000 numbers");
    final Incident joined = incidentOf(joining);
    assertThat(joined.elementId).isEqualTo("joinLetters");
    assertThat(joined.errorType).isEqualTo(Incident.ErrorType.IO_MAPPING_ERROR);
    assertThat(joined.errorMessage).isEqualTo("Expected the expression '=" + letters + "' to produce strings of at "
        + "most 10,000,000 characters, but it produced one of 26,000,000 characters");

    // and the engine goes on: another instance runs to its end, and a list as long as allowed is built
    final String allowed = "as-long-as-allowed-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(allowed).startEvent()
        .scriptTask("count", s -> s.zeebeExpression("count(for i in 1..1000000 return i)").zeebeResultVariable("items"))
        .endEvent().done());
    final ProcessInstanceResult counted = client.newCreateInstanceCommand().bpmnProcessId(allowed).latestVersion()
        .withResult().send().join();
    assertThat(counted.getVariablesAsMap()).containsEntry("items", 1_000_000);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpressionNestingTooDeepFailsWithAnIncidentNamingTheLimitAndTheEngineGoesOn(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    // given a script that nests a context 998 levels deep, and one whose built-in function recurses 200,000 deep
    final String deepContext = "context put({}, for i in 1..998 return \"level\", \"leaf\")";
    final String deepRecursion = "context put({}, for i in 1..200000 return \"level\", \"leaf\") != null";
    final String id = "deep-values-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway().defaultFlow()
          .scriptTask("nestContext", s -> s.zeebeExpression(deepContext).zeebeResultVariable("chart")).endEvent()
        .moveToLastExclusiveGateway().conditionExpression("recurse")
          .scriptTask("recurse", s -> s.zeebeExpression(deepRecursion).zeebeResultVariable("done")).endEvent()
        .done());

    // when an instance reaches each
    final ProcessInstanceEvent nesting = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("recurse", false)).send().join();
    final ProcessInstanceEvent recursing = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("recurse", true)).send().join();

    // then the context is refused as a variable the state could not hold, naming the limit
    final Incident nested = incidentOf(nesting);
    assertThat(nested.elementId).isEqualTo("nestContext");
    assertThat(nested.errorMessage).isEqualTo("Expected the expression '=" + deepContext + "' to produce a value whose "
        + "objects and lists nest at most 100 levels deep, but it nests deeper");
    // and the recursion fails where the stack ends, instead of ending the processor thread
    final Incident recursed = incidentOf(recursing);
    assertThat(recursed.elementId).isEqualTo("recurse");
    assertThat(recursed.errorMessage).isEqualTo("Expected the expression '=" + deepRecursion + "' to evaluate within "
        + "the engine's stack, but it nests or recurses too deep");

    // and the engine goes on: a context nested exactly as deep as allowed becomes a variable
    final String allowed = "deep-as-allowed-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(allowed).startEvent()
        .scriptTask("nestContext", s -> s.zeebeExpression("context put({}, for i in 1..100 return \"level\", \"leaf\")")
            .zeebeResultVariable("chart"))
        .endEvent().done());
    final ProcessInstanceResult chart = client.newCreateInstanceCommand().bpmnProcessId(allowed).latestVersion()
        .withResult().send().join();
    assertThat(chart.getVariablesAsMap()).containsKey("chart");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpressionNestedTooDeepToParseIsRefusedAtDeploymentNamingTheElementAndTheLimit(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "deep-expression-" + transport;
    // when a model's expression nests 5,000 brackets, or chains 50,000 operations
    final Map<String, String> limitByExpression = Map.of(
        "(".repeat(5_000) + "1" + ")".repeat(5_000), "to have brackets nested at most 50 deep, but they nest 5000 deep",
        "1" + " + 1".repeat(50_000), "to have operations nested at most 100 deep");
    limitByExpression.forEach((expression, limit) ->
        // then its deployment is refused as bad input naming the element and the limit
        assertThatThrownBy(() -> client.newDeployResourceCommand().addProcessModel(
            Bpmn.createExecutableProcess(id).startEvent()
                .scriptTask("compute", s -> s.zeebeExpression(expression).zeebeResultVariable("result"))
                .endEvent().done(), "deep-expression.bpmn").send().join())
            .hasMessageContaining("element 'compute'")
            .hasMessageContaining(limit)
            .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT)));
    // and nothing of it was deployed
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join())
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMappingTargetNestingDeeperThanAVariableMayIsRefusedAtDeploymentAndOneAsDeepAsAllowedIsWritten(
      Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "deep-target-" + transport;
    // when an output mapping writes to a target of 1,000 dotted parts, each nesting the value one level deeper
    final String tooDeep = String.join(".", Collections.nCopies(1_000, "level"));

    // then its deployment is refused as bad input naming the element and the limit
    assertThatThrownBy(() -> client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(id)
        .startEvent().intermediateThrowEvent("record", e -> e.zeebeOutputExpression("\"leaf\"", tooDeep))
        .endEvent().done(), "deep-target.bpmn").send().join())
        .hasMessageContaining("element 'record'")
        .hasMessageContaining("to have at most 100 parts, but it has 1000")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));

    // and a target of as many parts as allowed writes the nested variable
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .intermediateThrowEvent("record", e -> e.zeebeOutputExpression("\"leaf\"",
            String.join(".", Collections.nCopies(100, "level"))))
        .endEvent().done());
    final ProcessInstanceResult recorded = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().send().join();
    assertThat(recorded.getVariablesAsMap()).containsKey("level");
  }

  private static Incident incidentOf(ProcessInstanceEvent instance) {
    return await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), Optional::isPresent).get();
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
