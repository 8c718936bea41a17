package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.DeployedDecision;
import io.learnops.engine.api.EngineApi.DeployedProcess;
import io.learnops.engine.api.EngineApi.DeploymentResult;
import io.learnops.engine.api.EngineApi.FormView;
import io.learnops.engine.state.Form;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.decision.DmnParser;
import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.model.BpmnTransformer.Transformation;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.processing.EngineCommand.Deploy;
import io.learnops.engine.processing.EngineCommand.Resource;
import io.learnops.engine.record.Intent.DeploymentIntent;
import io.learnops.engine.record.Intent.FormIntent;
import io.learnops.engine.record.Intent.ProcessIntent;
import io.learnops.engine.record.RecordValue.DeploymentValue;
import io.learnops.engine.record.RecordValue.FormValue;
import io.learnops.engine.record.RecordValue.ProcessValue;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.ProcessDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Deploys BPMN, DMN and form resources. All resources are validated before anything is stored, so a deployment
 * with one bad resource changes nothing. An unchanged process keeps its version; a changed one
 * gets the next version and becomes the one whose start events (timer, message, signal) listen.
 */
final class DeploymentProcessor {

  private static final ObjectMapper FORM_READER = new ObjectMapper();

  private final EngineState state;
  private final BpmnTransformer transformer;
  private final ProcessCache processes;
  private final BpmnExecutor executor;
  private final Decisions decisions;

  DeploymentProcessor(EngineState state, BpmnTransformer transformer, ProcessCache processes, BpmnExecutor executor,
      Decisions decisions) {
    this.state = state;
    this.transformer = transformer;
    this.processes = processes;
    this.executor = executor;
    this.decisions = decisions;
  }

  DeploymentResult deploy(Deploy command) {
    if (command.resources() == null || command.resources().isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    final List<ParsedResource> parsed = validate(command.resources());
    final long deploymentKey = state.nextKey();
    final List<DeployedProcess> deployed = new ArrayList<>();
    final List<DeployedDecision> deployedDecisions = new ArrayList<>();
    final List<FormView> deployedForms = new ArrayList<>();
    for (final ParsedResource resource : parsed) {
      if (resource.formId != null) {
        deployedForms.add(storeForm(deploymentKey, resource, command.tenantId()));
        continue;
      }
      if (resource.dmn != null) {
        deployedDecisions.addAll(decisions.store(deploymentKey, resource.name, resource.content, resource.dmn,
            command.tenantId(), executor::write));
        continue;
      }
      for (final ExecutableProcess process : resource.transformation.processes()) {
        deployed.add(store(deploymentKey, resource, process, command.tenantId()));
      }
    }
    executor.write(deploymentKey, DeploymentIntent.CREATED, new DeploymentValue(
        command.resources().stream().map(Resource::name).toList(), command.tenantId()));
    return new DeploymentResult(deploymentKey, deployed, deployedDecisions, deployedForms, command.tenantId());
  }

  private List<ParsedResource> validate(List<Resource> resources) {
    final List<ParsedResource> parsed = new ArrayList<>();
    final StringBuilder errors = new StringBuilder();
    for (final Resource resource : resources) {
      final String name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".dmn")) {
        final DmnParser.ParsedResource dmn = decisions.parse(resource.content());
        if (dmn.isValid()) {
          parsed.add(new ParsedResource(name, resource.content(), null, dmn, null));
        } else {
          errors.append("\n'%s':\n- %s".formatted(name, dmn.error()));
        }
        continue;
      }
      if (name.endsWith(".form")) {
        formId(resource.content()).ifPresentOrElse(
            formId -> parsed.add(new ParsedResource(name, resource.content(), null, null, formId)),
            () -> errors.append("\n'%s':\n- expected a Camunda form: a JSON object with a non-empty \"id\"".formatted(name)));
        continue;
      }
      if (!(name.endsWith(".bpmn") || name.endsWith(".xml"))) {
        errors.append(("\n'%s': resources of this type are not supported yet; deploy BPMN (.bpmn or .xml), "
            + "DMN (.dmn) or form (.form) files").formatted(name));
        continue;
      }
      final Transformation transformation = transformer.transform(name, resource.content());
      if (transformation.isValid()) {
        parsed.add(new ParsedResource(name, resource.content(), transformation, null, null));
      } else {
        errors.append("\n'%s':".formatted(name));
        transformation.errors().forEach(e -> errors.append("\n- ").append(e));
      }
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy new resources, but encountered the following errors:" + errors);
    }
    return parsed;
  }

  private DeployedProcess store(long deploymentKey, ParsedResource resource, ExecutableProcess process, String tenantId) {
    final String checksum = checksum(resource, process.bpmnProcessId());
    final Optional<ProcessDefinition> latest = state.latestDefinition(tenantId, process.bpmnProcessId());
    if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
      final ProcessDefinition unchanged = latest.get();
      return new DeployedProcess(unchanged.bpmnProcessId, unchanged.version, unchanged.key, unchanged.resourceName, tenantId);
    }
    final long key = state.nextKey();
    executor.write(key, ProcessIntent.CREATED, new ProcessValue(process.bpmnProcessId(),
        latest.map(d -> d.version + 1).orElse(1), resource.name, resource.content, checksum, deploymentKey, tenantId));
    final ProcessDefinition definition = state.definition(key).orElseThrow();
    processes.put(definition.key, process);
    latest.ifPresent(this::cancelStartTimers);
    executor.scheduleStartTimers(definition);
    return new DeployedProcess(definition.bpmnProcessId, definition.version, definition.key, definition.resourceName, tenantId);
  }

  /** An unchanged form keeps its version, like a process. */
  private FormView storeForm(long deploymentKey, ParsedResource resource, String tenantId) {
    final String checksum = checksum(resource, resource.formId);
    final Optional<Form> latest = state.latestForm(tenantId, resource.formId);
    if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
      return ProcessingApi.view(latest.get());
    }
    final long key = state.nextKey();
    executor.write(key, FormIntent.CREATED, new FormValue(resource.formId, latest.map(f -> f.version + 1).orElse(1),
        resource.name, new String(resource.content, StandardCharsets.UTF_8), checksum, deploymentKey, tenantId));
    return ProcessingApi.view(state.form(key).orElseThrow());
  }

  private static Optional<String> formId(byte[] content) {
    try {
      final JsonNode id = FORM_READER.readTree(content).path("id");
      return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private void cancelStartTimers(ProcessDefinition previous) {
    state.timers.values().stream()
        .filter(t -> t.elementInstanceKey < 0 && t.processDefinitionKey == previous.key)
        .toList()
        .forEach(executor::cancelTimer);
  }

  /** Identity of a process version: its resource's bytes and name. */
  private static String checksum(ParsedResource resource, String processId) {
    try {
      final MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(resource.name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(processId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(resource.content);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A validated resource: a BPMN transformation or, for a {@code .dmn} resource, parsed decisions. */
  private record ParsedResource(String name, byte[] content, Transformation transformation, DmnParser.ParsedResource dmn,
      String formId) {}
}
