package io.learnops.sandbox.org;

import java.util.List;

/**
 * A department of the demo organisation with the HR attributes SCIM's enterprise extension
 * carries. {@code share} is its part of the headcount.
 */
public record Department(String name, String division, String costCenter, double share,
    List<String> titles) {

  public static final String ORGANIZATION = "Acme Learning Corp";

  /** The departments, in order; the executive office holds only the chief executive. */
  public static List<Department> all() {
    return List.of(
        new Department("Executive", "Executive Office", "CC-1000", 0.0,
            List.of("Chief Executive Officer")),
        new Department("Sales", "Go-to-Market", "CC-2100", 0.22,
            List.of("Account Executive", "Sales Development Representative",
                "Key Account Manager", "Sales Engineer")),
        new Department("Engineering", "Product & Technology", "CC-3100", 0.30,
            List.of("Software Engineer", "Senior Software Engineer", "QA Engineer",
                "Site Reliability Engineer", "Data Engineer")),
        new Department("Customer Success", "Go-to-Market", "CC-2200", 0.14,
            List.of("Customer Success Manager", "Support Specialist", "Onboarding Consultant")),
        new Department("Finance", "General & Administrative", "CC-4100", 0.08,
            List.of("Accountant", "Financial Analyst", "Payroll Specialist")),
        new Department("Operations", "General & Administrative", "CC-4200", 0.13,
            List.of("Operations Analyst", "Facilities Coordinator", "Procurement Specialist")),
        new Department("HR", "General & Administrative", "CC-4300", 0.08,
            List.of("HR Business Partner", "Recruiter", "L&D Specialist")),
        new Department("Legal/Compliance", "General & Administrative", "CC-4400", 0.05,
            List.of("Legal Counsel", "Compliance Officer", "Privacy Analyst")));
  }
}
