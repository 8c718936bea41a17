package io.learnops.connectors.hris.scim;

import java.util.List;

/** One SCIM {@code ListResponse}; {@code startIndex} is 1-based. */
public record EmployeePage(int totalResults, int startIndex, List<Employee> employees) {

  public EmployeePage {
    employees = List.copyOf(employees);
  }

  /** Whether results remain after this page. */
  public boolean hasMore() {
    return !employees.isEmpty() && startIndex - 1 + employees.size() < totalResults;
  }

  public int nextStartIndex() {
    return startIndex + employees.size();
  }
}
