package io.learnops.engine.state;

import io.learnops.engine.record.Intent.DecisionIntent;
import io.learnops.engine.record.Intent.DecisionRequirementsIntent;
import io.learnops.engine.record.Intent.FormIntent;
import io.learnops.engine.record.Intent.ProcessIntent;
import io.learnops.engine.record.RecordValue.DecisionRequirementsValue;
import io.learnops.engine.record.RecordValue.DecisionValue;
import io.learnops.engine.record.RecordValue.FormValue;
import io.learnops.engine.record.RecordValue.ProcessValue;

/**
 * New versions of processes, decision requirements graphs, decisions and forms. A deployment
 * itself keeps nothing in the state: its resources are what it leaves.
 */
final class DeploymentAppliers {

  private final EngineState state;

  DeploymentAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<ProcessValue>register(ProcessIntent.CREATED,
        (key, process, at) -> state.addDefinition(ProcessDefinition.of(key, process)));
    appliers.<DecisionRequirementsValue>register(DecisionRequirementsIntent.CREATED,
        (key, requirements, at) -> state.decisionRequirements.add(DecisionRequirements.of(key, requirements)));
    appliers.<DecisionValue>register(DecisionIntent.CREATED,
        (key, decision, at) -> state.decisionDefinitions.add(DecisionDefinition.of(key, decision)));
    appliers.<FormValue>register(FormIntent.CREATED, (key, form, at) -> state.forms.add(Form.of(key, form)));
  }
}
