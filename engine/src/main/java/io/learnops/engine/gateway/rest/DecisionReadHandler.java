package io.learnops.engine.gateway.rest;

import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.read.DecisionDefinitionEntry;
import io.learnops.engine.read.DecisionInstanceEntry;
import io.learnops.engine.read.DecisionRequirementsEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;
import java.util.Map;

/**
 * Decision reads: definitions (search, get, XML), requirements (search, get, XML) and instances
 * (search, get). Evaluation is {@link DecisionHandler}.
 */
final class DecisionReadHandler implements ResourceHandler {

  private static final Schema<DecisionDefinitionEntry> DEFINITIONS =
      Schema.<DecisionDefinitionEntry>of("decision definitions", DecisionDefinitionEntry::key)
          .key("decisionDefinitionKey", DecisionDefinitionEntry::key)
          .string("decisionDefinitionId", DecisionDefinitionEntry::decisionDefinitionId)
          .string("name", DecisionDefinitionEntry::name)
          .integer("version", DecisionDefinitionEntry::version)
          .string("decisionRequirementsId", DecisionDefinitionEntry::decisionRequirementsId)
          .key("decisionRequirementsKey", DecisionDefinitionEntry::decisionRequirementsKey)
          .string("tenantId", DecisionDefinitionEntry::tenantId);

  private static final Schema<DecisionRequirementsEntry> REQUIREMENTS =
      Schema.<DecisionRequirementsEntry>of("decision requirements", DecisionRequirementsEntry::key)
          .key("decisionRequirementsKey", DecisionRequirementsEntry::key)
          .string("decisionRequirementsId", DecisionRequirementsEntry::decisionRequirementsId)
          .string("decisionRequirementsName", DecisionRequirementsEntry::name)
          .integer("version", DecisionRequirementsEntry::version)
          .string("resourceName", DecisionRequirementsEntry::resourceName)
          .string("tenantId", DecisionRequirementsEntry::tenantId);

  private static final Schema<DecisionInstanceEntry> INSTANCES =
      Schema.<DecisionInstanceEntry>of("decision instances", DecisionInstanceEntry::key)
          .key("decisionEvaluationKey", DecisionInstanceEntry::key)
          .string("decisionEvaluationInstanceKey", DecisionInstanceEntry::id)
          .string("state", DecisionInstanceEntry::state)
          .date("evaluationDate", DecisionInstanceEntry::evaluationDate)
          .string("evaluationFailure", DecisionInstanceEntry::evaluationFailure)
          .key("decisionDefinitionKey", DecisionInstanceEntry::decisionDefinitionKey)
          .string("decisionDefinitionId", DecisionInstanceEntry::decisionDefinitionId)
          .string("decisionDefinitionName", DecisionInstanceEntry::decisionDefinitionName)
          .integer("decisionDefinitionVersion", DecisionInstanceEntry::decisionDefinitionVersion)
          .string("decisionDefinitionType", d -> "UNSPECIFIED")
          .key("processInstanceKey", DecisionInstanceEntry::processInstanceKey)
          .key("processDefinitionKey", DecisionInstanceEntry::processDefinitionKey)
          .key("elementInstanceKey", DecisionInstanceEntry::elementInstanceKey)
          .string("tenantId", DecisionInstanceEntry::tenantId);

  private final ReadModel read;
  private final JsonMapping json;

  DecisionReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/decision-definitions/search", this::searchDefinitions),
        Route.of("GET", "/v2/decision-definitions/{decisionDefinitionKey}", this::getDefinition),
        Route.of("GET", "/v2/decision-definitions/{decisionDefinitionKey}/xml", this::definitionXml),
        Route.of("POST", "/v2/decision-requirements/search", this::searchRequirements),
        Route.of("GET", "/v2/decision-requirements/{decisionRequirementsKey}", this::getRequirements),
        Route.of("GET", "/v2/decision-requirements/{decisionRequirementsKey}/xml", this::requirementsXml),
        Route.of("POST", "/v2/decision-instances/search", this::searchInstances),
        Route.of("GET", "/v2/decision-instances/{decisionEvaluationInstanceKey}", this::getInstance));
  }

  private Reply<?> searchDefinitions(RestRequest request) {
    return ReadReplies.page(Search.run(read.decisionDefinitions(), json.tree(request.body()), DEFINITIONS),
        DecisionReadHandler::render);
  }

  private Reply<?> getDefinition(RestRequest request) {
    final long key = request.pathKey("decisionDefinitionKey");
    return ReadReplies.one(read.decisionDefinitions().get(key), "a decision definition", key,
        DecisionReadHandler::render);
  }

  private Reply<?> definitionXml(RestRequest request) {
    final long key = request.pathKey("decisionDefinitionKey");
    return Reply.now(RestResponse.xml(
        ReadReplies.found(read.decisionDefinitions().get(key), "a decision definition", key).orElseThrow().xml()));
  }

  private Reply<?> searchRequirements(RestRequest request) {
    return ReadReplies.page(Search.run(read.decisionRequirements(), json.tree(request.body()), REQUIREMENTS),
        DecisionReadHandler::render);
  }

  private Reply<?> getRequirements(RestRequest request) {
    final long key = request.pathKey("decisionRequirementsKey");
    return ReadReplies.one(read.decisionRequirements().get(key), "decision requirements", key,
        DecisionReadHandler::render);
  }

  private Reply<?> requirementsXml(RestRequest request) {
    final long key = request.pathKey("decisionRequirementsKey");
    return Reply.now(RestResponse.xml(
        ReadReplies.found(read.decisionRequirements().get(key), "decision requirements", key).orElseThrow().xml()));
  }

  private Reply<?> searchInstances(RestRequest request) {
    return ReadReplies.page(Search.run(read.decisionInstances(), json.tree(request.body()), INSTANCES),
        DecisionReadHandler::render);
  }

  /** The id is {@code <evaluation key>-<index>}; an evaluation here holds one decision, index 1. */
  private Reply<?> getInstance(RestRequest request) {
    final String id = request.pathParameters().get("decisionEvaluationInstanceKey");
    final String key = id.endsWith("-1") ? id.substring(0, id.length() - 2) : id;
    final long evaluationKey;
    try {
      evaluationKey = Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument(
          "Expected 'decisionEvaluationInstanceKey' like '<key>-1', but found '%s'".formatted(id));
    }
    return ReadReplies.one(read.decisionInstances().get(evaluationKey).filter(d -> d.id().equals(id)),
        "a decision instance", id,
        d -> render(d)
            .put("evaluatedInputs", d.evaluatedInputs().stream().map(input -> Map.of(
                "inputId", input.inputId(), "inputName", input.inputName(),
                "inputValue", JsonVariables.toJson(input.value()))).toList())
            .put("matchedRules", d.matchedRules().stream().map(rule -> Map.of(
                "ruleId", rule.ruleId(), "ruleIndex", rule.ruleIndex(),
                "evaluatedOutputs", rule.outputs().stream().map(output -> Map.of(
                    "outputId", output.outputId(), "outputName", output.outputName(),
                    "outputValue", JsonVariables.toJson(output.value()))).toList())).toList()));
  }

  private static JsonItem render(DecisionDefinitionEntry d) {
    return new JsonItem()
        .key("decisionDefinitionKey", d.key())
        .put("decisionDefinitionId", d.decisionDefinitionId())
        .put("name", d.name())
        .put("version", d.version())
        .put("decisionRequirementsId", d.decisionRequirementsId())
        .key("decisionRequirementsKey", d.decisionRequirementsKey())
        .put("tenantId", d.tenantId());
  }

  private static JsonItem render(DecisionRequirementsEntry r) {
    return new JsonItem()
        .key("decisionRequirementsKey", r.key())
        .put("decisionRequirementsId", r.decisionRequirementsId())
        .put("decisionRequirementsName", r.name())
        .put("version", r.version())
        .put("resourceName", r.resourceName())
        .put("tenantId", r.tenantId());
  }

  /** The client parses the process keys of every decision instance; a standalone evaluation has -1, as in Camunda. */
  private static JsonItem render(DecisionInstanceEntry d) {
    return new JsonItem()
        .key("decisionEvaluationKey", d.key())
        .put("decisionEvaluationInstanceKey", d.id())
        .put("state", d.state())
        .date("evaluationDate", d.evaluationDate())
        .put("evaluationFailure", d.evaluationFailure())
        .key("decisionDefinitionKey", d.decisionDefinitionKey())
        .put("decisionDefinitionId", d.decisionDefinitionId())
        .put("decisionDefinitionName", d.decisionDefinitionName())
        .put("decisionDefinitionVersion", d.decisionDefinitionVersion())
        .put("decisionDefinitionType", "UNSPECIFIED")
        .put("result", d.result())
        .put("processInstanceKey", String.valueOf(d.processInstanceKey()))
        .put("processDefinitionKey", String.valueOf(d.processDefinitionKey()))
        .put("elementInstanceKey", String.valueOf(d.elementInstanceKey()))
        .put("tenantId", d.tenantId());
  }
}
