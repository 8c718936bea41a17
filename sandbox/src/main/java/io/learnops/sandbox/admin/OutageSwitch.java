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

  private final Map<SandboxSystem, Integer> outages = new ConcurrentHashMap<>();

  public void start(SandboxSystem system, int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an outage answers with a 4xx or 5xx status");
    }
    outages.put(system, status);
  }

  public void end(SandboxSystem system) {
    outages.remove(system);
  }

  public void endAll() {
    outages.clear();
  }

  public Optional<Integer> status(SandboxSystem system) {
    return Optional.ofNullable(outages.get(system));
  }

  public Map<String, Integer> current() {
    Map<String, Integer> current = new TreeMap<>();
    outages.forEach((system, status) -> current.put(system.id(), status));
    return current;
  }
}
