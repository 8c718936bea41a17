package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * Exclusive and inclusive gateways: the token passes straight through and leaves by the outgoing
 * flows whose conditions hold ({@link ConditionalFlows}): an exclusive gateway by the first of
 * them, an inclusive one by every one, both by the default flow if none holds. Joining, an
 * exclusive gateway passes every arriving flow on its own; an inclusive one is activated once
 * nothing else can reach it, which the sequence flows decide ({@link SequenceFlows}).
 */
public final class ConditionalGatewayProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final ConditionalFlows conditions;
  private final SequenceFlows flows;
  private final boolean exclusive;

  private ConditionalGatewayProcessor(ElementLifecycle lifecycle, ConditionalFlows conditions, SequenceFlows flows,
      boolean exclusive) {
    this.lifecycle = lifecycle;
    this.conditions = conditions;
    this.flows = flows;
    this.exclusive = exclusive;
  }

  public static ConditionalGatewayProcessor exclusive(ElementLifecycle lifecycle, ConditionalFlows conditions,
      SequenceFlows flows) {
    return new ConditionalGatewayProcessor(lifecycle, conditions, flows, true);
  }

  public static ConditionalGatewayProcessor inclusive(ElementLifecycle lifecycle, ConditionalFlows conditions,
      SequenceFlows flows) {
    return new ConditionalGatewayProcessor(lifecycle, conditions, flows, false);
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    lifecycle.passThrough(instance);
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    conditions.select(instance, node, exclusive).ifPresent(selected -> flows.leave(instance, selected));
  }
}
