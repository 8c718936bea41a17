package io.learnops.sandbox.org;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The generated employees, in employee-number order, with the lookups the stand-ins need. */
public final class DemoOrganisation {

  private final List<DemoEmployee> employees;
  private final Map<String, DemoEmployee> byId;
  private final Map<String, DemoEmployee> byEmail;

  public DemoOrganisation(List<DemoEmployee> employees) {
    this.employees = List.copyOf(employees);
    this.byId = employees.stream().collect(Collectors.toMap(DemoEmployee::id, Function.identity()));
    this.byEmail = employees.stream().collect(Collectors.toMap(
        e -> e.email().toLowerCase(Locale.ROOT), Function.identity()));
  }

  public List<DemoEmployee> employees() {
    return employees;
  }

  public Optional<DemoEmployee> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<DemoEmployee> byEmail(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  public List<DemoEmployee> inDepartment(String department) {
    return employees.stream().filter(e -> e.department().name().equals(department)).toList();
  }

  public List<DemoEmployee> directReports(String managerId) {
    return employees.stream()
        .filter(e -> e.managerId().filter(managerId::equals).isPresent())
        .toList();
  }
}
