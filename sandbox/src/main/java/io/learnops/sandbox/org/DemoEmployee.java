package io.learnops.sandbox.org;

import java.util.Optional;

/**
 * One person of the demo organisation, as an HRIS knows them. The SCIM stand-in serves these;
 * Moodle accounts created for them keep {@link #email()}, which is how the two are matched.
 *
 * @param id stable SCIM id, derived from the seed and the employee number
 * @param managerId the manager's {@link #id()}; empty only for the chief executive
 */
public record DemoEmployee(String id, String employeeNumber, String givenName, String familyName,
    String email, String title, Department department, boolean active,
    Optional<String> managerId, Optional<String> managerName) {

  public String userName() {
    return email;
  }

  public String displayName() {
    return givenName + " " + familyName;
  }
}
