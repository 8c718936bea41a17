package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ContainerProcessor;
import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.MultiInstance;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-instance activities, as Zeebe runs them: a body instance holds one inner instance per
 * item of the input collection, all at once or one after another. The body keeps
 * {@code numberOfInstances}, {@code numberOfActiveInstances}, {@code numberOfCompletedInstances},
 * {@code numberOfTerminatedInstances} and the output collection as local variables; each inner
 * instance has {@code loopCounter} (from 1) and the input element. Boundary events belong to the
 * body; input and output mappings and execution listeners to each inner instance. An inner instance
 * takes no sequence flows: when it completes, the body collects its output and decides whether the
 * next one starts or the activity completes.
 */
public final class MultiInstanceBodyProcessor implements ContainerProcessor {

  private static final String LOOP_COUNTER = "loopCounter";

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final InstanceNavigation navigation;
  private final ElementLifecycle lifecycle;
  private final SequenceFlows flows;

  public MultiInstanceBodyProcessor(EngineState state, ExpressionLanguage feel, VariableBehavior variables,
      IncidentBehavior incidents, StateTransitions transitions, EventSubscriptions subscriptions,
      InstanceNavigation navigation, ElementLifecycle lifecycle, SequenceFlows flows) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.navigation = navigation;
    this.lifecycle = lifecycle;
    this.flows = flows;
  }

  @Override
  public boolean runsMappingsAndListeners() {
    return false;
  }

  @Override
  public boolean onActivate(ElementInstance body, FlowNode node) {
    final MultiInstance multiInstance = node.multiInstance().orElseThrow();
    if (!subscriptions.openBoundaryEvents(body, node)) {
      return false;
    }
    final Evaluation collection = feel.evaluate(multiInstance.inputCollection(), variables.lookup(body.key));
    if (collection.isFailure() || !(collection.value() instanceof List<?> items)) {
      incidents.raise(body, Incident.ErrorType.EXTRACT_VALUE_ERROR, collection.isFailure() ? collection.error()
              : "Expected the input collection '%s' of '%s' to be a list, but it was '%s'"
                  .formatted(multiInstance.inputCollection().source(), node.id(), collection.value()),
          Incident.Retry.ACTIVATE);
      return false;
    }
    final Map<String, Object> locals = new LinkedHashMap<>();
    locals.put("numberOfInstances", items.size());
    locals.put("numberOfActiveInstances", 0);
    locals.put("numberOfCompletedInstances", 0);
    locals.put("numberOfTerminatedInstances", 0);
    multiInstance.outputCollection().ifPresent(name -> locals.put(name, new ArrayList<>(Collections.nCopies(items.size(), null))));
    variables.setLocal(body.key, locals);
    transitions.transition(body, ElementState.ACTIVATED);
    if (items.isEmpty()) {
      onComplete(body, node);
    } else if (multiInstance.sequential()) {
      startInner(body, node, items);
    } else {
      // an inner instance that completes at once may meet the completion condition and end the body
      while (body.state == ElementState.ACTIVATED && body.multiInstanceStarted < items.size()) {
        startInner(body, node, items);
      }
    }
    return false;
  }

  /** Starts the next inner instance (its activation counts it on the body) with its item of the collection. */
  private void startInner(ElementInstance body, FlowNode node, List<?> items) {
    final int index = body.multiInstanceStarted;
    final ElementInstance inner = transitions.newInstance(node, body, node.type());
    final Map<String, Object> locals = new LinkedHashMap<>();
    locals.put(LOOP_COUNTER, index + 1);
    node.multiInstance().orElseThrow().inputElement().ifPresent(name -> locals.put(name, items.get(index)));
    variables.setLocal(inner.key, locals);
    count(body, "numberOfActiveInstances", 1);
    lifecycle.runActivation(inner);
  }

  /**
   * An inner instance finished its own completion (output mappings applied, end listeners done):
   * collect its output element, check the completion condition, then start the next one or
   * complete the body.
   */
  @Override
  public void onChildCompleted(ElementInstance body, ElementInstance inner) {
    final FlowNode node = navigation.node(body);
    final MultiInstance multiInstance = node.multiInstance().orElseThrow();
    if (multiInstance.outputCollection().isPresent() && multiInstance.outputElement().isPresent()) {
      final Evaluation output = feel.evaluate(multiInstance.outputElement().get(), variables.lookup(inner.key));
      if (output.isFailure()) {
        incidents.raise(inner, Incident.ErrorType.EXTRACT_VALUE_ERROR, output.error(), Incident.Retry.COMPLETE);
        return;
      }
      collect(body, multiInstance.outputCollection().get(), loopCounter(inner), output.value());
    }
    boolean done = false;
    if (multiInstance.completionCondition().isPresent()) {
      final Evaluation condition = feel.evaluate(multiInstance.completionCondition().get(), variables.lookup(inner.key));
      if (condition.isFailure()) {
        incidents.raise(inner, Incident.ErrorType.CONDITION_ERROR, condition.error(), Incident.Retry.COMPLETE);
        return;
      }
      done = Boolean.TRUE.equals(condition.value());
    }
    final boolean startsNext = !done && multiInstance.sequential() && body.multiInstanceStarted < instances(body);
    final List<?> items = startsNext ? inputCollection(body, node, inner).orElse(null) : List.of();
    if (items == null) {
      return;
    }
    flows.complete(inner);
    count(body, "numberOfActiveInstances", -1);
    count(body, "numberOfCompletedInstances", 1);
    if (done) {
      lifecycle.terminateContents(body); // each terminated inner instance is counted (onChildTerminated)
      onComplete(body, node);
    } else if (startsNext) {
      startInner(body, node, items);
    } else if (body.children.isEmpty() && body.multiInstanceStarted == instances(body)) {
      onComplete(body, node);
    }
  }

  /** An inner instance that the completion condition ended is counted; one ended with its body is not. */
  @Override
  public void onChildTerminated(ElementInstance body, ElementInstance inner) {
    if (body.state == ElementState.ACTIVATED) {
      count(body, "numberOfActiveInstances", -1);
      count(body, "numberOfTerminatedInstances", 1);
    }
  }

  /**
   * The input collection again, for the next inner instance of a sequential activity: as in Zeebe,
   * it is evaluated anew rather than kept. If it fails, the completing inner instance gets the
   * incident, and resolving it runs the completion again.
   */
  private Optional<List<?>> inputCollection(ElementInstance body, FlowNode node, ElementInstance inner) {
    final MultiInstance multiInstance = node.multiInstance().orElseThrow();
    final Evaluation collection = feel.evaluate(multiInstance.inputCollection(), variables.lookup(body.key));
    if (collection.isFailure() || !(collection.value() instanceof List<?> items) || items.size() <= body.multiInstanceStarted) {
      incidents.raise(inner, Incident.ErrorType.EXTRACT_VALUE_ERROR, collection.isFailure() ? collection.error()
              : "Expected the input collection '%s' of '%s' to be a list of at least %d items, but it was '%s'"
                  .formatted(multiInstance.inputCollection().source(), node.id(), body.multiInstanceStarted + 1,
                      collection.value()),
          Incident.Retry.COMPLETE);
      return Optional.empty();
    }
    return Optional.of(items);
  }

  private int instances(ElementInstance body) {
    return ((Number) state.variables.get(body.key).get("numberOfInstances")).intValue();
  }

  /** The body completes: the output collection reaches the flow scope, then the flows are taken. */
  @Override
  public void onComplete(ElementInstance body, FlowNode node) {
    transitions.transition(body, ElementState.COMPLETING);
    subscriptions.closeAll(body);
    node.multiInstance().orElseThrow().outputCollection().ifPresent(name -> {
      final Map<String, Object> output = new LinkedHashMap<>();
      output.put(name, state.variables.get(body.key).get(name));
      variables.propagate(body.flowScopeKey, output);
    });
    final ElementInstance scope = navigation.flowScope(body);
    transitions.transition(body, ElementState.COMPLETED);
    flows.takeAll(node.outgoing(), scope);
    lifecycle.childCompleted(scope, body);
  }

  @SuppressWarnings("unchecked")
  private void collect(ElementInstance body, String outputCollection, int loopCounter, Object value) {
    final List<Object> collected = new ArrayList<>((List<Object>) state.variables.get(body.key).get(outputCollection));
    collected.set(loopCounter - 1, value);
    variables.setLocal(body.key, Map.of(outputCollection, collected));
  }

  private int loopCounter(ElementInstance inner) {
    return ((Number) state.variables.get(inner.key).get(LOOP_COUNTER)).intValue();
  }

  private void count(ElementInstance body, String counter, int delta) {
    final int current = ((Number) state.variables.get(body.key).get(counter)).intValue();
    variables.setLocal(body.key, Map.of(counter, current + delta)); // through the behaviour, so the update is reported
  }
}
