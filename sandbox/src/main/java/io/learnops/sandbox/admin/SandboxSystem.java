package io.learnops.sandbox.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stand-ins, by the name the admin endpoints use and the path prefix they serve. */
public enum SandboxSystem {
  MOODLE("/sandbox/moodle/"),
  SCIM("/sandbox/scim/"),
  XAPI("/sandbox/xapi/"),
  VENDOR("/sandbox/vendors/");

  private final String pathPrefix;

  SandboxSystem(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  public String pathPrefix() {
    return pathPrefix;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SandboxSystem> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The system serving a path (without the servlet context path), if any. */
  public static Optional<SandboxSystem> serving(String path) {
    return Arrays.stream(values()).filter(s -> path.startsWith(s.pathPrefix())).findFirst();
  }
}
