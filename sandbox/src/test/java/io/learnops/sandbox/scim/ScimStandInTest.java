package io.learnops.sandbox.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.connectors.hris.scim.Employee;
import io.learnops.connectors.hris.scim.EmployeePage;
import io.learnops.connectors.hris.scim.ScimClient;
import io.learnops.connectors.hris.scim.ScimFilter;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.admin.OutageSwitch;
import io.learnops.sandbox.admin.SandboxSystem;
import io.learnops.sandbox.org.DemoEmployee;
import io.learnops.sandbox.org.DemoOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SCIM stand-in, driven through the connectors' {@link ScimClient}. */
class ScimStandInTest extends SandboxContractTest {

  @Autowired
  private DemoOrganisation organisation;

  @Autowired
  private OutageSwitch outages;

  @Test
  void paging_through_all_users_returns_every_employee_once() {
    // given
    ScimClient scim = scim();
    List<Employee> all = new ArrayList<>();

    // when
    EmployeePage page = scim.listUsers(Optional.empty(), 1, 100);
    all.addAll(page.employees());
    int pages = 1;
    while (page.hasMore()) {
      page = scim.listUsers(Optional.empty(), page.nextStartIndex(), 100);
      all.addAll(page.employees());
      pages++;
    }

    // then
    assertThat(pages).isEqualTo(5);
    assertThat(all).hasSize(500);
    assertThat(all.stream().map(Employee::id).distinct()).hasSize(500);
    assertThat(page.totalResults()).isEqualTo(500);
  }

  @Test
  void find_all_pages_with_the_clients_page_size() {
    List<Employee> everyone = scim(SCIM_TOKEN, 37).findAll(ScimFilter.present("userName"), 1000);

    assertThat(everyone).hasSize(500);
  }

  @Test
  void a_page_larger_than_the_maximum_is_cut() {
    EmployeePage page = scim().listUsers(Optional.empty(), 1, 1000);

    assertThat(page.employees()).hasSize(ScimController.MAX_PAGE);
    assertThat(page.totalResults()).isEqualTo(500);
  }

  @Test
  void the_users_carry_the_enterprise_extension_and_the_manager() {
    DemoEmployee expected = organisation.inDepartment("Finance").get(3);

    Employee employee = scim().getUser(expected.id()).orElseThrow();

    assertThat(employee.userName()).isEqualTo(expected.email());
    assertThat(employee.email()).contains(expected.email());
    assertThat(employee.displayName()).isEqualTo(expected.displayName());
    assertThat(employee.employeeNumber()).contains(expected.employeeNumber());
    assertThat(employee.department()).contains("Finance");
    assertThat(employee.costCenter()).contains("CC-4100");
    assertThat(employee.division()).contains("General & Administrative");
    assertThat(employee.organization()).contains("Acme Learning Corp");
    assertThat(employee.manager()).map(Employee.Manager::id).isEqualTo(expected.managerId());
    assertThat(employee.manager()).flatMap(Employee.Manager::displayName)
        .isEqualTo(expected.managerName());
  }

  @Test
  void an_unknown_id_is_empty() {
    assertThat(scim().getUser("no-such-id")).isEmpty();
  }

  @Test
  void active_employees_of_a_department_match_the_organisation() {
    List<Employee> engineers = scim().activeInDepartment("Engineering", 500);

    assertThat(engineers).extracting(Employee::id).containsExactlyElementsOf(
        organisation.inDepartment("Engineering").stream().filter(DemoEmployee::active)
            .map(DemoEmployee::id).toList());
    assertThat(engineers).allMatch(Employee::active)
        .allMatch(e -> e.department().equals(Optional.of("Engineering")));
  }

  @Test
  void lookups_by_employee_number_user_name_and_manager() {
    DemoEmployee lead = organisation.directReports(
        organisation.inDepartment("HR").get(0).id()).get(0);

    assertThat(scim().findByEmployeeNumber(lead.employeeNumber())).map(Employee::id)
        .contains(lead.id());
    assertThat(scim().findByUserName(lead.userName())).map(Employee::id).contains(lead.id());
    assertThat(scim().directReports(lead.id(), 50)).extracting(Employee::id)
        .containsExactlyElementsOf(organisation.directReports(lead.id()).stream()
            .map(DemoEmployee::id).toList());
  }

  @Test
  void filters_with_co_sw_or_and_not() {
    ScimFilter legalOrHr = ScimFilter.eq(Employee.DEPARTMENT, "HR")
        .or(ScimFilter.eq(Employee.DEPARTMENT, "legal/compliance"));
    ScimFilter leads = ScimFilter.co("title", "team lead");
    ScimFilter numberedE100 = ScimFilter.sw(Employee.EMPLOYEE_NUMBER, "E100");
    ScimFilter notActive = ScimFilter.not(ScimFilter.eq("active", true));

    assertThat(scim().findAll(legalOrHr, 500)).hasSize(
        organisation.inDepartment("HR").size()
            + organisation.inDepartment("Legal/Compliance").size());
    assertThat(scim().findAll(leads, 500)).isNotEmpty()
        .allMatch(e -> e.title().orElseThrow().endsWith("Team Lead"));
    assertThat(scim().findAll(numberedE100, 500)).hasSize(99); // E10001 … E10099
    assertThat(scim().findAll(notActive, 500)).hasSize((int) organisation.employees().stream()
        .filter(e -> !e.active()).count());
  }

  @Test
  void an_unknown_attribute_is_an_invalid_filter() {
    assertThatThrownBy(() -> scim().findAll(ScimFilter.eq("shoeSize", "42"), 10))
        .isInstanceOfSatisfying(BusinessRejection.class, e -> {
          assertThat(e.code()).isEqualTo("scim.invalidFilter");
          assertThat(e.httpStatus()).contains(400);
        });
  }

  @Test
  void a_wrong_token_is_misconfiguration() {
    assertThatThrownBy(() -> scim("wrong", 10).getUser("x"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.MISCONFIGURED));
  }

  @Test
  void an_outage_is_a_server_error_after_the_retries() {
    outages.start(SandboxSystem.SCIM, 503);

    assertThatThrownBy(() -> scim().listUsers(Optional.empty(), 1, 10))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.SERVER_ERROR));
    assertThat(sleeps).hasSize(ATTEMPTS - 1);
  }
}
