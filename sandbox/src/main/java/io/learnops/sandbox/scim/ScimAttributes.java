package io.learnops.sandbox.scim;

import io.learnops.sandbox.org.DemoEmployee;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The attribute paths a filter may use, resolved against an employee. Paths are
 * case-insensitive (RFC 7643 §2.1); an enterprise attribute may be written with its schema URN
 * prefix ({@code urn:…:enterprise:2.0:User:department}) or without it.
 */
final class ScimAttributes {

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

  private static final Map<String, Function<DemoEmployee, Optional<Object>>> PATHS = Map.ofEntries(
      entry("id", DemoEmployee::id),
      entry("userName", DemoEmployee::userName),
      entry("externalId", DemoEmployee::employeeNumber),
      entry("displayName", DemoEmployee::displayName),
      entry("name.givenName", DemoEmployee::givenName),
      entry("name.familyName", DemoEmployee::familyName),
      entry("name.formatted", DemoEmployee::displayName),
      entry("emails", DemoEmployee::email),
      entry("emails.value", DemoEmployee::email),
      entry("title", DemoEmployee::title),
      entry("active", DemoEmployee::active),
      entry("employeeNumber", DemoEmployee::employeeNumber),
      entry("costCenter", e -> e.department().costCenter()),
      entry("organization", e -> io.learnops.sandbox.org.Department.ORGANIZATION),
      entry("division", e -> e.department().division()),
      entry("department", e -> e.department().name()),
      optional("manager.value", DemoEmployee::managerId),
      optional("manager", DemoEmployee::managerId),
      optional("manager.displayName", DemoEmployee::managerName));

  private static final Map<String, Function<DemoEmployee, Optional<Object>>> LOWER =
      PATHS.entrySet().stream().collect(java.util.stream.Collectors.toMap(
          e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));

  private ScimAttributes() {
  }

  /** The attribute's accessor, or an {@code invalidFilter} error for an unknown path. */
  static Function<DemoEmployee, Optional<Object>> resolve(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String prefix : List.of(ENTERPRISE.toLowerCase(Locale.ROOT) + ":",
        CORE.toLowerCase(Locale.ROOT) + ":")) {
      if (lower.startsWith(prefix)) {
        lower = lower.substring(prefix.length());
      }
    }
    Function<DemoEmployee, Optional<Object>> accessor = LOWER.get(lower);
    if (accessor == null) {
      throw ScimException.invalidFilter("unknown attribute path: " + path);
    }
    return accessor;
  }

  private static Map.Entry<String, Function<DemoEmployee, Optional<Object>>> entry(String path,
      Function<DemoEmployee, Object> value) {
    return Map.entry(path, e -> Optional.of(value.apply(e)));
  }

  private static Map.Entry<String, Function<DemoEmployee, Optional<Object>>> optional(
      String path, Function<DemoEmployee, Optional<String>> value) {
    return Map.entry(path, e -> value.apply(e).map(Object.class::cast));
  }
}
