package io.learnops.sandbox.admin;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which stand-ins are "down", and with which HTTP status they answer meanwhile. Tests use it to
 * show the lifecycle riding out (or escalating) an outage of the LMS, the HRIS or a vendor.
 */
public final class OutageSwitch {

  private final Map<SandboxSystem, Outage> outages = new ConcurrentHashMap<>();

  public void start(SandboxSystem system, int status) {
    start(system, Outage.of(status));
  }

  public void start(SandboxSystem system, Outage outage) {
    outages.put(system, outage);
  }

  public void end(SandboxSystem system) {
    outages.remove(system);
  }

  public void endAll() {
    outages.clear();
  }

  public Optional<Outage> outage(SandboxSystem system) {
    return Optional.ofNullable(outages.get(system));
  }

  /** The status per switched-off system, e.g. {@code {"moodle": 503}}. */
  public Map<String, Integer> current() {
    Map<String, Integer> current = new TreeMap<>();
    outages.forEach((system, outage) -> current.put(system.id(), outage.status()));
    return current;
  }
}
