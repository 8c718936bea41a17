package io.learnops.connectors.lms.moodle;

import java.util.List;
import java.util.Set;

/** What {@code core_webservice_get_site_info} says about the site and the token's service. */
public record MoodleSite(String siteName, String release, long userId, List<String> functions) {

  /** The functions {@link MoodleClient} calls; a service should allow all of them. */
  public static final Set<String> REQUIRED_FUNCTIONS = Set.of("core_course_create_courses",
      "core_course_get_courses_by_field", "core_user_get_users", "core_user_create_users",
      "enrol_manual_enrol_users", "core_completion_get_course_completion_status");

  public MoodleSite {
    functions = List.copyOf(functions);
  }

  /** Required functions the token's service does not allow: empty when the setup is complete. */
  public Set<String> missingFunctions() {
    return REQUIRED_FUNCTIONS.stream()
        .filter(required -> !functions.contains(required))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
