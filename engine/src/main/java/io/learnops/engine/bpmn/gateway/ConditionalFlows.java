package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.SequenceFlow;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flows a diverging exclusive or inclusive gateway leaves by: the first flow whose condition
 * holds (exclusive) or every one (inclusive; a flow without a condition always counts), else the
 * default flow, else an incident — resolving it evaluates the conditions again. A gateway with a
 * single unconditional flow (a join) simply takes it.
 */
public final class ConditionalFlows {

  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  public ConditionalFlows(ExpressionLanguage feel, VariableBehavior variables, IncidentBehavior incidents) {
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  /** @return the flows to take, or empty after raising an incident */
  Optional<List<SequenceFlow>> select(ElementInstance gateway, FlowNode node, boolean exclusive) {
    if (node.outgoing().size() == 1 && node.outgoing().get(0).condition().isEmpty()) {
      return Optional.of(node.outgoing());
    }
    final List<SequenceFlow> taken = new ArrayList<>();
    for (final SequenceFlow flow : node.outgoing()) {
      if (node.defaultFlow().map(d -> d == flow).orElse(false)) {
        continue;
      }
      if (flow.condition().isEmpty()) {
        if (!exclusive) {
          taken.add(flow);
        }
        continue;
      }
      final Evaluation result = feel.evaluate(flow.condition().get(), variables.lookup(gateway.key));
      if (result.isFailure()) {
        incidents.raise(gateway, Incident.ErrorType.CONDITION_ERROR, result.error(), Incident.Retry.COMPLETE);
        return Optional.empty();
      }
      if (Boolean.TRUE.equals(result.value())) {
        taken.add(flow);
        if (exclusive) {
          break;
        }
      }
    }
    if (!taken.isEmpty()) {
      return Optional.of(taken);
    }
    if (node.defaultFlow().isPresent()) {
      return Optional.of(List.of(node.defaultFlow().get()));
    }
    if (node.outgoing().isEmpty()) {
      return Optional.of(List.of());
    }
    incidents.raise(gateway, Incident.ErrorType.CONDITION_ERROR,
        "Expected at least one condition to evaluate to true, or to have a default flow, but no condition of gateway '%s' was true"
            .formatted(node.id()),
        Incident.Retry.COMPLETE);
    return Optional.empty();
  }
}
