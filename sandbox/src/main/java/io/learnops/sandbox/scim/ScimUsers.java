package io.learnops.sandbox.scim;

import io.learnops.sandbox.org.DemoEmployee;
import io.learnops.sandbox.org.Department;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an employee as a SCIM User resource with the enterprise extension (RFC 7643). */
final class ScimUsers {

  private ScimUsers() {
  }

  static Map<String, Object> resource(DemoEmployee e, String usersLocation) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("schemas", List.of(ScimAttributes.CORE, ScimAttributes.ENTERPRISE));
    user.put("id", e.id());
    user.put("externalId", e.employeeNumber());
    user.put("userName", e.userName());
    user.put("name", Map.of("givenName", e.givenName(), "familyName", e.familyName(),
        "formatted", e.displayName()));
    user.put("displayName", e.displayName());
    user.put("title", e.title());
    user.put("emails", List.of(Map.of("value", e.email(), "type", "work", "primary", true)));
    user.put("active", e.active());
    Map<String, Object> enterprise = new LinkedHashMap<>();
    enterprise.put("employeeNumber", e.employeeNumber());
    enterprise.put("costCenter", e.department().costCenter());
    enterprise.put("organization", Department.ORGANIZATION);
    enterprise.put("division", e.department().division());
    enterprise.put("department", e.department().name());
    e.managerId().ifPresent(managerId -> enterprise.put("manager", Map.of(
        "value", managerId,
        "$ref", usersLocation + "/" + managerId,
        "displayName", e.managerName().orElse(""))));
    user.put(ScimAttributes.ENTERPRISE, enterprise);
    user.put("meta", Map.of("resourceType", "User", "location", usersLocation + "/" + e.id()));
    return user;
  }
}
