package io.learnops.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.read.EntityStore;
import io.learnops.engine.read.VariableEntry;
import io.learnops.engine.read.query.FieldType;
import io.learnops.engine.read.query.Filters;
import java.util.HashSet;
import java.util.Set;

/**
 * A process instance's {@code variables} filter: a list of {@code {name, value}}, where value is a
 * string condition on the variable's JSON text (so a string is matched with its quotes, as in
 * Camunda; the bare text of a string variable is accepted too). An instance matches when every
 * listed variable of its process scope matches.
 */
final class VariableValueFilter {

  private VariableValueFilter() {}

  /** @return the keys of the process instances that match */
  static Set<Long> matchingInstances(JsonNode filters, EntityStore<VariableEntry> variables) {
    if (!filters.isArray()) {
      throw Rejection.invalidArgument("Expected filter field 'variables' to be an array of {name, value}");
    }
    Set<Long> matching = null;
    for (final JsonNode filter : filters) {
      final String name = filter.path("name").asText(null);
      if (name == null || !filter.hasNonNull("value")) {
        throw Rejection.invalidArgument("Expected every entry of filter field 'variables' to have a name and a value");
      }
      final Filters.Condition condition = Filters.Condition.of("variables." + name, FieldType.STRING,
          filter.get("value"));
      final Set<Long> instances = new HashSet<>();
      for (final VariableEntry variable : variables.where("name", name)) {
        if (variable.scopeKey() == variable.processInstanceKey() && variable.name().equals(name)
            && (condition.test(variable.value()) || condition.test(unquoted(variable.value())))) {
          instances.add(variable.processInstanceKey());
        }
      }
      if (matching == null) {
        matching = instances;
      } else {
        matching.retainAll(instances);
      }
    }
    return matching == null ? Set.of() : matching;
  }

  private static String unquoted(String json) {
    return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"") ? json.substring(1, json.length() - 1) : json;
  }
}
