package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.VariableMapping;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.Incident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element's input and output mappings ({@code zeebe:ioMapping}). A mapping that fails raises an
 * incident on the element for the step that evaluated it (activation or completion), and nothing
 * of that step's mappings is written.
 */
public final class VariableMappings {

  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  public VariableMappings(ExpressionLanguage feel, VariableBehavior variables, IncidentBehavior incidents) {
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  /**
   * Input mappings write local variables of the element. They read from the element's scope,
   * which before the mappings holds nothing of its own except, for an inner multi-instance
   * instance, its input element and loop counter.
   */
  public boolean applyInput(ElementInstance instance, FlowNode node) {
    return evaluate(instance, node.inputs(), Incident.Retry.ACTIVATE)
        .map(locals -> {
          variables.setLocal(instance.key, locals);
          return true;
        })
        .orElse(false);
  }

  /** Output mappings read the element's scope and propagate to the flow scope. */
  public boolean applyOutput(ElementInstance instance, FlowNode node) {
    return evaluate(instance, node.outputs(), Incident.Retry.COMPLETE)
        .map(results -> {
          variables.propagate(instance.flowScopeKey, results);
          return true;
        })
        .orElse(false);
  }

  /** The mapped values, or empty after raising an incident for the first mapping that fails. */
  private Optional<Map<String, Object>> evaluate(ElementInstance instance, List<VariableMapping> mappings, Incident.Retry retry) {
    final Map<String, Object> results = new LinkedHashMap<>();
    for (final VariableMapping mapping : mappings) {
      final Evaluation result = feel.evaluate(mapping.source(), variables.lookup(instance.key));
      if (result.isFailure()) {
        incidents.raise(instance, Incident.ErrorType.IO_MAPPING_ERROR, result.error(), retry);
        return Optional.empty();
      }
      MappingTarget.put(results, mapping.target(), result.value());
    }
    return Optional.of(results);
  }
}
