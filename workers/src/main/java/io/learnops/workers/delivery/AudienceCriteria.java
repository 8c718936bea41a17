package io.learnops.workers.delivery;

import io.learnops.connectors.hris.scim.Employee;
import io.learnops.connectors.hris.scim.ScimFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code audienceCriteria} of a request, e.g. {@code department eq "Support" and costCenter
 * eq "4711"}, as a SCIM filter of active employees. Only equality clauses joined by {@code and}
 * on known attributes are accepted, and values are re-quoted by {@link ScimFilter}, so the text
 * a requester typed cannot change the query. A map {@code {department: "Support"}} works too.
 */
final class AudienceCriteria {

  private static final Map<String, String> ATTRIBUTES = Map.of(
      "department", Employee.DEPARTMENT,
      "costCenter", Employee.COST_CENTER,
      "division", Employee.ENTERPRISE + ":division",
      "organization", Employee.ENTERPRISE + ":organization",
      "employeeNumber", Employee.EMPLOYEE_NUMBER,
      "title", "title",
      "userName", "userName");
  private static final Pattern CLAUSE =
      Pattern.compile("\\s*([A-Za-z]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  private AudienceCriteria() {
  }

  /** The filter, or the reason the criteria cannot be used. */
  static Parsed parse(Object criteria) {
    List<String[]> clauses = new ArrayList<>();
    if (criteria instanceof Map<?, ?> map) {
      map.forEach((k, v) -> clauses.add(new String[] {String.valueOf(k), String.valueOf(v)}));
    } else if (criteria instanceof String text && !text.isBlank()) {
      for (String part : text.split("(?i)\\s+and\\s+")) {
        Matcher m = CLAUSE.matcher(part);
        if (!m.matches()) {
          return Parsed.invalid("not an 'attribute eq \"value\"' clause: " + part.trim());
        }
        clauses.add(new String[] {m.group(1), m.group(2).replace("\\\"", "\"")});
      }
    } else {
      return Parsed.invalid("no audience criteria");
    }
    ScimFilter filter = ScimFilter.eq("active", true);
    for (String[] clause : clauses) {
      String attribute = ATTRIBUTES.get(clause[0]);
      if (attribute == null) {
        return Parsed.invalid("unknown attribute '" + clause[0] + "', use one of "
            + new java.util.TreeSet<>(ATTRIBUTES.keySet()));
      }
      filter = ScimFilter.eq(attribute, clause[1]).and(filter);
    }
    return new Parsed(Optional.of(filter), Optional.empty());
  }

  record Parsed(Optional<ScimFilter> filter, Optional<String> error) {
    static Parsed invalid(String error) {
      return new Parsed(Optional.empty(), Optional.of(error));
    }
  }
}
