package io.learnops.app.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where a program is waiting: the active steps of its instances, leaving out the containers
 * (processes, subprocesses, stage call activities, multi-instance bodies) that only hold them.
 */
@Component
class ProgramActivity {

  private static final Set<ElementInstanceType> CONTAINERS = Set.of(ElementInstanceType.PROCESS,
      ElementInstanceType.SUB_PROCESS, ElementInstanceType.EVENT_SUB_PROCESS, ElementInstanceType.CALL_ACTIVITY,
      ElementInstanceType.MULTI_INSTANCE_BODY, ElementInstanceType.AD_HOC_SUB_PROCESS);

  private final CamundaClient client;
  private final ProgramInstances instances;

  ProgramActivity(CamundaClient client, ProgramInstances instances) {
    this.client = client;
    this.instances = instances;
  }

  /** The program's active steps, longest waiting first. */
  List<ActiveStep> activeSteps(long programInstanceKey) {
    final List<ActiveStep> steps = new ArrayList<>();
    for (final long instanceKey : instances.activeFrom(programInstanceKey)) {
      client.newElementInstanceSearchRequest()
          .filter(f -> f.processInstanceKey(instanceKey).state(ElementInstanceState.ACTIVE))
          .send().join().items().stream()
          .filter(e -> !CONTAINERS.contains(e.getType()))
          .map(ProgramActivity::step).forEach(steps::add);
    }
    steps.sort(Comparator.comparing(ActiveStep::since, Comparator.nullsLast(Comparator.naturalOrder())));
    return steps;
  }

  private static ActiveStep step(ElementInstance element) {
    return new ActiveStep(element.getElementId(), element.getElementName(), String.valueOf(element.getType()),
        element.getProcessDefinitionId(), element.getStartDate(), Boolean.TRUE.equals(element.getIncident()));
  }
}
