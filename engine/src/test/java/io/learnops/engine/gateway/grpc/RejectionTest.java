package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.FinalCommandStep;
import io.grpc.Status;
import io.learnops.engine.api.Rejection;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RejectionTest extends GatewayScenario {

  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of(Rejection.Type.INVALID_ARGUMENT, Status.Code.INVALID_ARGUMENT),
        Arguments.of(Rejection.Type.NOT_FOUND, Status.Code.NOT_FOUND),
        Arguments.of(Rejection.Type.ALREADY_EXISTS, Status.Code.ALREADY_EXISTS),
        Arguments.of(Rejection.Type.INVALID_STATE, Status.Code.FAILED_PRECONDITION),
        Arguments.of(Rejection.Type.DEADLINE_EXCEEDED, Status.Code.DEADLINE_EXCEEDED),
        Arguments.of(Rejection.Type.UNAVAILABLE, Status.Code.UNAVAILABLE));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rejections")
  void aRejectedCommandReachesTheClientAsTheMappedStatusWithTheEnginesMessage(
      final Rejection.Type type, final Status.Code expected) {
    final String message = "Expected to complete job with key '17', but " + type;
    engine.failWith(new Rejection(type, message));

    assertStatus(() -> client.newCompleteCommand(17L).send().join(), expected, message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rejections")
  void aCommandTheEngineRefusesAtOnceEndsTheSameWay(
      final Rejection.Type type, final Status.Code expected) {
    final String message = "Expected to find process 'order', but " + type;
    engine.throwAtOnce(new Rejection(type, message));

    assertStatus(
        () ->
            client.newCreateInstanceCommand().bpmnProcessId("order").latestVersion().send().join(),
        expected,
        message);
  }

  @Test
  void variablesThatAreNotAJsonObjectAreRejectedNamingTheField() {
    assertStatus(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("order")
                .latestVersion()
                .variables("[1,2]")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "Expected 'variables' to be a JSON object, but found array");
    assertThat(engine.received).isEmpty();
  }

  @Test
  void anUnexpectedEngineFailureIsAnInternalErrorCarryingItsMessage() {
    engine.failWith(new IllegalStateException("journal is full"));

    assertStatus(
        () -> client.newPublishMessageCommand().messageName("m").correlationKey("k").send().join(),
        Status.Code.INTERNAL,
        "journal is full");
  }

  @Test
  void aRefusedJobActivationEndsThePollWithTheMappedStatus() {
    engine.failWith(Rejection.invalidArgument("Expected 'maxJobsToActivate' to be positive"));

    assertStatus(
        () ->
            client
                .newActivateJobsCommand()
                .jobType("charge-card")
                .maxJobsToActivate(1)
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "Expected 'maxJobsToActivate' to be positive");
  }

  @Test
  void aRefusedJobStreamEndsTheStreamWithTheMappedStatus() {
    engine.failWith(Rejection.invalidArgument("Expected 'type' not to be blank"));

    assertStatus(
        () -> client.newStreamJobsCommand().jobType(" ").consumer(job -> {}).send().join(),
        Status.Code.INVALID_ARGUMENT,
        "Expected 'type' not to be blank");
  }

  static Stream<Arguments> unsupportedRpcs() {
    return Stream.of(
        unsupported("DeleteResource", c -> c.newDeleteResourceCommand(1L)),
        unsupported(
            "ModifyProcessInstance",
            c -> c.newModifyProcessInstanceCommand(1L).activateElement("a")),
        unsupported(
            "MigrateProcessInstance",
            c ->
                c.newMigrateProcessInstanceCommand(1L)
                    .migrationPlan(2L)
                    .addMappingInstruction("a", "b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedRpcs")
  void anRpcTheEngineDoesNotSupportIsUnimplementedAndSaysWhich(
      final String rpc, final Function<CamundaClient, FinalCommandStep<?>> command) {
    assertStatus(
        () -> command.apply(client).send().join(),
        Status.Code.UNIMPLEMENTED,
        rpc + " is not supported by the LearnOps engine yet");
  }

  private static Arguments unsupported(
      final String rpc, final Function<CamundaClient, FinalCommandStep<?>> command) {
    return Arguments.of(rpc, command);
  }

  private static void assertStatus(
      final ThrowingCallable call, final Status.Code code, final String description) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).isEqualTo(description);
            });
  }
}
