package io.learnops.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrganisationGeneratorTest {

  private final DemoOrganisation organisation =
      new OrganisationGenerator(20260301L, 500, "acme.example").generate();

  @Test
  void the_same_seed_gives_the_same_people() {
    // given a second organisation from the same seed
    DemoOrganisation again = new OrganisationGenerator(20260301L, 500, "acme.example").generate();

    // then every employee is identical, ids included
    assertThat(again.employees()).isEqualTo(organisation.employees());
  }

  @Test
  void another_seed_gives_other_people() {
    DemoOrganisation other = new OrganisationGenerator(7L, 500, "acme.example").generate();

    assertThat(other.employees().get(5).id()).isNotEqualTo(organisation.employees().get(5).id());
    assertThat(other.employees().stream().map(DemoEmployee::email).toList())
        .isNotEqualTo(organisation.employees().stream().map(DemoEmployee::email).toList());
  }

  @Test
  void has_the_asked_size_and_every_department() {
    Map<String, Long> headcount = organisation.employees().stream()
        .collect(Collectors.groupingBy(e -> e.department().name(), Collectors.counting()));

    assertThat(organisation.employees()).hasSize(500);
    assertThat(headcount).containsOnlyKeys("Executive", "Sales", "Engineering",
        "Customer Success", "Finance", "Operations", "HR", "Legal/Compliance");
    assertThat(headcount.get("Engineering")).isGreaterThan(100);
    assertThat(headcount.get("Legal/Compliance")).isGreaterThanOrEqualTo(20);
  }

  @Test
  void ids_numbers_and_emails_are_unique_and_on_an_example_domain() {
    assertThat(organisation.employees().stream().map(DemoEmployee::id).distinct())
        .hasSize(500);
    assertThat(organisation.employees().stream().map(DemoEmployee::employeeNumber).distinct())
        .hasSize(500);
    assertThat(organisation.employees().stream().map(DemoEmployee::email).distinct())
        .hasSize(500)
        .allMatch(email -> email.matches("[a-z]+\\.[a-z]+\\d*@acme\\.example"));
  }

  @Test
  void every_manager_chain_ends_at_the_chief_executive_within_the_same_department() {
    DemoEmployee ceo = organisation.employees().get(0);
    assertThat(ceo.managerId()).isEmpty();
    assertThat(ceo.title()).isEqualTo("Chief Executive Officer");

    for (DemoEmployee employee : organisation.employees().subList(1, 500)) {
      Set<String> seen = new HashSet<>();
      DemoEmployee current = employee;
      while (current.managerId().isPresent()) {
        assertThat(seen.add(current.id())).as("no cycle through %s", current.id()).isTrue();
        DemoEmployee manager = organisation.byId(current.managerId().get()).orElseThrow();
        assertThat(current.managerName()).contains(manager.displayName());
        if (manager != ceo) {
          assertThat(manager.department()).isEqualTo(employee.department());
          assertThat(manager.active()).isTrue();
        }
        current = manager;
      }
      assertThat(current).isEqualTo(ceo);
    }
  }

  @Test
  void a_few_employees_are_inactive_as_in_a_real_hris() {
    long inactive = organisation.employees().stream().filter(e -> !e.active()).count();

    assertThat(inactive).isBetween(3L, 40L);
  }

  @Test
  void teams_are_led_by_team_leads_under_a_head_of_department() {
    DemoEmployee head = organisation.inDepartment("Sales").get(0);
    assertThat(head.title()).isEqualTo("Head of Sales");
    assertThat(organisation.directReports(head.id()))
        .isNotEmpty()
        .allMatch(lead -> lead.title().equals("Sales Team Lead"));
    DemoEmployee lead = organisation.directReports(head.id()).get(0);
    assertThat(organisation.directReports(lead.id())).hasSizeBetween(1, 8);
  }
}
