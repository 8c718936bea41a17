package io.learnops.app.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the deliveries waiting for their cohort by asking the engine, not by keeping state: the
 * active element instances of {@code AwaitCompletions} and their process instance's variables.
 * Only the Camunda 8.8 search API is used, so this works on the embedded engine and on a cluster.
 */
@Component
class WaitingCohorts {

  static final String ELEMENT_ID = "AwaitCompletions";
  private static final List<String> VARIABLES = List.of("programId", "courseId", "resolvedAudienceSize");
  private static final int PAGE_SIZE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;

  WaitingCohorts(CamundaClient client) {
    this.client = client;
  }

  /**
   * The process instances waiting at {@code AwaitCompletions}. Paged by offset, not cursor: an
   * instance that moves on between pages at worst shifts one into the next run.
   */
  List<Long> processInstanceKeys() {
    final List<Long> keys = new ArrayList<>();
    List<ElementInstance> page;
    do {
      final int from = keys.size();
      page = client.newElementInstanceSearchRequest()
          .filter(f -> f.elementId(ELEMENT_ID).state(ElementInstanceState.ACTIVE))
          .page(p -> p.from(from).limit(PAGE_SIZE))
          .send().join().items();
      page.forEach(instance -> keys.add(instance.getProcessInstanceKey()));
    } while (page.size() == PAGE_SIZE);
    return keys;
  }

  /**
   * The cohort of a waiting process instance; empty when it lacks the variables (e.g. a delivery
   * modelled without an LMS course), as the LRS cannot tell when such a cohort has finished.
   */
  Optional<WaitingCohort> of(long processInstanceKey) {
    // the engine holds variable values as JSON text: "\"abc\"" for a string, "12" for a number
    final Map<String, JsonNode> values = new HashMap<>();
    for (Variable variable : client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey)
            .name(n -> n.in(VARIABLES)))
        .send().join().items()) {
      final JsonNode value = json(variable.getValue());
      if (!value.isNull()) {
        values.put(variable.getName(), value);
      }
    }
    if (!values.keySet().containsAll(VARIABLES)) {
      return Optional.empty();
    }
    return Optional.of(new WaitingCohort(processInstanceKey, values.get("programId").asText(),
        values.get("courseId").asText(), values.get("resolvedAudienceSize").asLong()));
  }

  private static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variable value is not JSON: " + value, e);
    }
  }
}
