package io.learnops.connectors.hris.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import io.learnops.connectors.http.TestRuntime;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientTest {

  private static final String USERS = "/scim/v2/Users";
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @RegisterExtension
  static WireMockExtension hris =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestRuntime test;
  private ScimClient client;

  @BeforeEach
  void setUp() {
    test = new TestRuntime();
    client = clientWith(TestRuntime.testTimeouts());
  }

  private ScimClient clientWith(Timeouts timeouts) {
    return new ScimClient(new ScimSettings(URI.create(hris.baseUrl() + "/scim/v2"), "hr-token",
        timeouts, TestRuntime.fastRetries(), 2), test.runtime());
  }

  private static String user(String id, String number, String department) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%4$s"],
         "id":"%1$s","userName":"%1$s@example.org","externalId":"ext-%1$s",
         "name":{"givenName":"Given%1$s","familyName":"Family"},
         "emails":[{"value":"other@example.org"},{"value":"%1$s@example.org","primary":true}],
         "active":true,"title":"Operator",
         "%4$s":{"employeeNumber":"%2$s","costCenter":"CC-7","department":"%3$s",
           "division":"Logistics","organization":"ACME",
           "manager":{"value":"boss-1","$ref":"../Users/boss-1","displayName":"Grace Hopper"}}}
        """.formatted(id, number, department, ENTERPRISE);
  }

  private static ResponseDefinitionBuilder listResponse(int total, int startIndex,
      String... users) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/scim+json")
        .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
            + "\"totalResults\":" + total + ",\"itemsPerPage\":" + users.length
            + ",\"startIndex\":" + startIndex + ",\"Resources\":[" + String.join(",", users)
            + "]}");
  }

  private static ResponseDefinitionBuilder scimError(int status, String scimType) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/scim+json")
        .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"scimType\":\"" + scimType + "\",\"detail\":\"nope\",\"status\":\"" + status
            + "\"}");
  }

  @Test
  void an_employee_is_found_by_number_through_the_enterprise_extension() {
    hris.stubFor(get(urlPathEqualTo(USERS))
        .withQueryParam("filter", equalTo(ENTERPRISE + ":employeeNumber eq \"E-1\""))
        .withQueryParam("startIndex", equalTo("1"))
        .withHeader("Authorization", equalTo("Bearer hr-token"))
        .willReturn(listResponse(1, 1, user("u1", "E-1", "Warehouse"))));

    Optional<Employee> found = client.findByEmployeeNumber("E-1");

    assertThat(found).hasValueSatisfying(employee -> {
      assertThat(employee.id()).isEqualTo("u1");
      assertThat(employee.displayName()).isEqualTo("Givenu1 Family");
      assertThat(employee.email()).contains("u1@example.org");
      assertThat(employee.employeeNumber()).contains("E-1");
      assertThat(employee.department()).contains("Warehouse");
      assertThat(employee.costCenter()).contains("CC-7");
      assertThat(employee.manager()).contains(
          new Employee.Manager("boss-1", Optional.of("Grace Hopper")));
    });
  }

  @Test
  void no_match_is_an_empty_result_even_without_resources() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
        .withBody("{\"totalResults\":0}")));

    assertThat(client.findByUserName("ghost")).isEmpty();
  }

  @Test
  void a_department_audience_is_read_page_by_page_with_start_index_and_count() {
    String filter = "(" + ENTERPRISE + ":department eq \"Warehouse\") and (active eq true)";
    hris.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("filter", equalTo(filter))
        .withQueryParam("startIndex", equalTo("1")).withQueryParam("count", equalTo("2"))
        .willReturn(listResponse(3, 1, user("u1", "E-1", "Warehouse"),
            user("u2", "E-2", "Warehouse"))));
    hris.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("filter", equalTo(filter))
        .withQueryParam("startIndex", equalTo("3")).withQueryParam("count", equalTo("2"))
        .willReturn(listResponse(3, 3, user("u3", "E-3", "Warehouse"))));

    List<Employee> audience = client.activeInDepartment("Warehouse", 100);

    assertThat(audience).extracting(Employee::id).containsExactly("u1", "u2", "u3");
  }

  @Test
  void a_result_larger_than_allowed_is_refused_instead_of_read_forever() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(listResponse(1000, 1,
        user("u1", "E-1", "Sales"), user("u2", "E-2", "Sales"))));

    assertThatThrownBy(() -> client.directReports("boss-1", 2))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.RESULT_TOO_LARGE));
    hris.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void two_users_with_one_employee_number_are_an_ambiguity_rejection() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(listResponse(2, 1,
        user("u1", "E-1", "Sales"), user("u2", "E-1", "Sales"))));

    assertThatThrownBy(() -> client.findByEmployeeNumber("E-1"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("scim.ambiguous"));
  }

  @Test
  void a_user_is_read_by_id_and_an_unknown_id_is_empty() {
    hris.stubFor(get(USERS + "/u1").willReturn(aResponse().withStatus(200)
        .withBody(user("u1", "E-1", "Sales"))));
    hris.stubFor(get(USERS + "/gone").willReturn(scimError(404, "noTarget")));

    assertThat(client.getUser("u1")).map(Employee::userName).contains("u1@example.org");
    assertThat(client.getUser("gone")).isEmpty();
  }

  @Test
  void a_filter_the_provider_rejects_carries_the_scim_type_as_code() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(scimError(400, "invalidFilter")));

    assertThatThrownBy(() -> client.findByUserName("ada"))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection -> {
          assertThat(rejection.code()).isEqualTo("scim.invalidFilter");
          assertThat(rejection.httpStatus()).contains(400);
        });
    hris.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void an_expired_token_is_a_misconfiguration() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> client.findByUserName("ada"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @Test
  void a_5xx_is_retried_until_the_provider_answers() {
    hris.stubFor(get(urlPathEqualTo(USERS)).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500))
        .willSetStateTo("up"));
    hris.stubFor(get(urlPathEqualTo(USERS)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(listResponse(1, 1, user("u1", "E-1", "Sales"))));

    assertThat(client.findByEmployeeNumber("E-1")).isPresent();
    hris.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void a_provider_that_stays_down_is_a_technical_failure() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client.findByEmployeeNumber("E-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
    hris.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void a_429_is_retried_after_the_announced_seconds() {
    hris.stubFor(get(urlPathEqualTo(USERS)).inScenario("limit")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
        .willSetStateTo("ok"));
    hris.stubFor(get(urlPathEqualTo(USERS)).inScenario("limit").whenScenarioStateIs("ok")
        .willReturn(listResponse(0, 1)));

    assertThat(client.findByUserName("ada")).isEmpty();
    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a_slow_provider_is_a_timeout() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(listResponse(0, 1).withFixedDelay(1_000)));
    ScimClient impatient = clientWith(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100)));

    assertThatThrownBy(() -> impatient.findByUserName("ada"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void a_list_response_without_total_results_is_malformed() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
        .withBody("{\"Resources\":[]}")));

    assertThatThrownBy(() -> client.findByUserName("ada"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_user_without_id_is_malformed() {
    hris.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
        .withBody("{\"totalResults\":1,\"Resources\":[{\"userName\":\"ada\"}]}")));

    assertThatThrownBy(() -> client.findByUserName("ada"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  static Stream<Named<Consumer<ScimClient>>> everyCall() {
    return Stream.of(
        call("GET Users?filter", c -> c.findByEmployeeNumber("E-1")),
        call("GET Users paged", c -> c.activeInDepartment("Sales", 100)),
        call("GET Users/{id}", c -> c.getUser("u1")));
  }

  private static Named<Consumer<ScimClient>> call(String name, Consumer<ScimClient> call) {
    return Named.of(name, call);
  }

  // Every call, each failure mode: the mapping must not depend on which function was called.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_ends_in_a_server_error_when_5xx_persist(Consumer<ScimClient> call) {
    hris.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_refused_credentials_as_misconfiguration(Consumer<ScimClient> call) {
    hris.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_turns_the_systems_no_into_a_business_rejection(Consumer<ScimClient> call) {
    hris.stubFor(any(anyUrl()).willReturn(scimError(400, "invalidValue")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("scim.invalidValue"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_an_unparsable_body_as_malformed(Consumer<ScimClient> call) {
    hris.stubFor(any(anyUrl()).willReturn(okJson("{\"truncated\": [")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_gives_up_on_a_server_slower_than_the_read_timeout(Consumer<ScimClient> call) {
    hris.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(600)));
    ScimClient impatient = clientWith(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(100)));

    assertThatThrownBy(() -> call.accept(impatient))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }
}
