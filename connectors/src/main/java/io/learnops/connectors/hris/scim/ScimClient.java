package io.learnops.connectors.hris.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.ConnectorHttp;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.HttpCall;
import io.learnops.connectors.http.JsonSupport;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads employees from a SCIM 2.0 service provider ({@code /Users}, RFC 7644) with the enterprise
 * extension (RFC 7643 §4.3). Read-only: LearnOps never writes to the HRIS.
 *
 * <p>A 4xx with a SCIM error body becomes {@code scim.<scimType>} (e.g. {@code scim.invalidFilter},
 * {@code scim.tooMany}); without one, {@code scim.http_<status>}. A missing user is
 * {@link Optional#empty()}, not an error.
 */
public final class ScimClient {

  static final String SYSTEM = "scim";
  private static final String MEDIA_TYPE = "application/scim+json";

  private final ScimSettings settings;
  private final ConnectorHttp http;
  private final JsonSupport json = new JsonSupport(SYSTEM);

  public ScimClient(ScimSettings settings, ConnectorRuntime runtime) {
    this.settings = settings;
    this.http = new ConnectorHttp(SYSTEM, settings.timeouts(), settings.retryPolicy(), runtime,
        this::rejection);
  }

  private BusinessRejection rejection(String system, int status, byte[] body) {
    String scimType = null;
    String detail = null;
    try {
      JsonNode error = json.mapper().readTree(body);
      scimType = JsonSupport.textOrNull(error, "scimType");
      detail = JsonSupport.textOrNull(error, "detail");
    } catch (java.io.IOException | RuntimeException notJson) {
      // a non-SCIM error page: fall back to the status
    }
    String code = scimType != null ? scimType : status == 404 ? "not_found" : "http_" + status;
    return new BusinessRejection(system, system + "." + code, detail, status);
  }

  /** {@code GET /Users?filter=…&startIndex=…&count=…}: one page. */
  public EmployeePage listUsers(Optional<ScimFilter> filter, int startIndex, int count) {
    if (startIndex < 1 || count < 0) {
      throw new IllegalArgumentException("startIndex is 1-based and count not negative");
    }
    StringBuilder query = new StringBuilder();
    filter.ifPresent(f -> query.append("filter=")
        .append(URLEncoder.encode(f.expression(), StandardCharsets.UTF_8)).append('&'));
    query.append("startIndex=").append(startIndex).append("&count=").append(count);
    JsonNode body = get(URI.create(settings.baseUrl().resolve("Users") + "?" + query));
    return page(body, startIndex);
  }

  /** Every matching employee, page by page, failing beyond {@code maxResults}. */
  public List<Employee> findAll(ScimFilter filter, int maxResults) {
    List<Employee> all = new ArrayList<>();
    EmployeePage page = listUsers(Optional.of(filter), 1, settings.pageSize());
    all.addAll(page.employees());
    while (page.hasMore()) {
      if (all.size() >= maxResults) {
        throw new TechnicalFailure(SYSTEM, Kind.RESULT_TOO_LARGE, "more than " + maxResults
            + " employees match " + filter + "; narrow the filter", null);
      }
      page = listUsers(Optional.of(filter), page.nextStartIndex(), settings.pageSize());
      all.addAll(page.employees());
    }
    return all;
  }

  /** {@code GET /Users/{id}}; a 404 is an empty result. */
  public Optional<Employee> getUser(String id) {
    URI uri = settings.baseUrl().resolve("Users/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
        .replace("+", "%20"));
    try {
      return Optional.of(employee(get(uri)));
    } catch (BusinessRejection rejection) {
      if (rejection.httpStatus().filter(status -> status == 404).isPresent()) {
        return Optional.empty();
      }
      throw rejection;
    }
  }

  /** The employee with this HR employee number (enterprise extension), if any. */
  public Optional<Employee> findByEmployeeNumber(String employeeNumber) {
    return single(ScimFilter.eq(Employee.EMPLOYEE_NUMBER, employeeNumber));
  }

  /** The employee with this user name, if any. */
  public Optional<Employee> findByUserName(String userName) {
    return single(ScimFilter.eq("userName", userName));
  }

  /** Active employees of a department: a typical training audience. */
  public List<Employee> activeInDepartment(String department, int maxResults) {
    return findAll(ScimFilter.eq(Employee.DEPARTMENT, department)
        .and(ScimFilter.eq("active", true)), maxResults);
  }

  /** Direct reports of a manager, by the manager's SCIM id. */
  public List<Employee> directReports(String managerId, int maxResults) {
    return findAll(ScimFilter.eq(Employee.MANAGER_ID, managerId), maxResults);
  }

  private Optional<Employee> single(ScimFilter filter) {
    EmployeePage page = listUsers(Optional.of(filter), 1, 2);
    if (page.employees().size() > 1) {
      throw new BusinessRejection(SYSTEM, SYSTEM + ".ambiguous",
          page.totalResults() + " users match " + filter, 0);
    }
    return page.employees().stream().findFirst();
  }

  private JsonNode get(URI uri) {
    HttpCall call = HttpCall.get(uri)
        .withHeader("Authorization", "Bearer " + settings.bearerToken())
        .withHeader("Accept", MEDIA_TYPE + ", application/json");
    return json.read(http.execute(call).body());
  }

  private EmployeePage page(JsonNode body, int askedStartIndex) {
    long total = json.requiredLong(body, "totalResults");
    JsonNode resources = body.get("Resources");
    List<Employee> employees = new ArrayList<>();
    if (resources != null && !resources.isNull()) {
      if (!resources.isArray()) {
        throw json.malformed("'Resources' is not an array", null);
      }
      resources.forEach(resource -> employees.add(employee(resource)));
    } else if (total > 0 && askedStartIndex <= total) {
      throw json.malformed("'Resources' missing although totalResults is " + total, null);
    }
    int startIndex = body.has("startIndex") ? body.get("startIndex").asInt() : askedStartIndex;
    return new EmployeePage((int) total, startIndex, employees);
  }

  private Employee employee(JsonNode user) {
    JsonNode enterprise = user.path(Employee.ENTERPRISE);
    JsonNode manager = enterprise.path("manager");
    Optional<Employee.Manager> boss = manager.isObject() && manager.hasNonNull("value")
        ? Optional.of(new Employee.Manager(manager.get("value").asText(),
            text(manager, "displayName")))
        : Optional.empty();
    String displayName = text(user, "displayName").orElseGet(() -> String.join(" ",
        text(user.path("name"), "givenName").orElse(""),
        text(user.path("name"), "familyName").orElse("")).trim());
    return new Employee(json.requiredText(user, "id"), json.requiredText(user, "userName"),
        text(user, "externalId"), displayName, email(user.path("emails")),
        !user.has("active") || user.get("active").asBoolean(), text(user, "title"),
        text(enterprise, "employeeNumber"), text(enterprise, "costCenter"),
        text(enterprise, "organization"), text(enterprise, "division"),
        text(enterprise, "department"), boss);
  }

  private static Optional<String> email(JsonNode emails) {
    if (!emails.isArray() || emails.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode email : emails) {
      if (email.path("primary").asBoolean(false)) {
        return text(email, "value");
      }
    }
    return text(emails.get(0), "value");
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(JsonSupport.textOrNull(node, field));
  }
}
