package io.learnops.connectors.hris.scim;

import java.util.Optional;

/**
 * A SCIM User with the enterprise extension, as LearnOps uses it for audiences and approvals.
 */
public record Employee(String id, String userName, Optional<String> externalId,
    String displayName, Optional<String> email, boolean active, Optional<String> title,
    Optional<String> employeeNumber, Optional<String> costCenter, Optional<String> organization,
    Optional<String> division, Optional<String> department, Optional<Manager> manager) {

  public static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  /** Filter attribute paths for the enterprise extension. */
  public static final String EMPLOYEE_NUMBER = ENTERPRISE + ":employeeNumber";
  public static final String DEPARTMENT = ENTERPRISE + ":department";
  public static final String COST_CENTER = ENTERPRISE + ":costCenter";
  public static final String MANAGER_ID = ENTERPRISE + ":manager.value";

  /** The employee's manager: {@code id} is the manager's SCIM id. */
  public record Manager(String id, Optional<String> displayName) {
  }
}
