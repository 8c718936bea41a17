package io.learnops.app.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A program's active process instances: its own and, below it, the stage instances it calls (and
 * any they call). Its tasks and waits live in those.
 */
@Component
public class ProgramInstances {

  private final CamundaClient client;

  ProgramInstances(CamundaClient client) {
    this.client = client;
  }

  public List<Long> activeFrom(long programInstanceKey) {
    final List<Long> found = new ArrayList<>(List.of(programInstanceKey));
    for (int i = 0; i < found.size(); i++) {
      final long parent = found.get(i);
      client.newProcessInstanceSearchRequest()
          .filter(f -> f.parentProcessInstanceKey(parent).state(ProcessInstanceState.ACTIVE))
          .send().join().items().stream().map(ProcessInstance::getProcessInstanceKey).forEach(found::add);
    }
    return found;
  }
}
