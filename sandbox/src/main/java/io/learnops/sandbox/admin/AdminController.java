package io.learnops.sandbox.admin;

import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.org.DemoEmployee;
import io.learnops.sandbox.org.DemoOrganisation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test and demo controls: switch a stand-in off and on, play learners finishing a course,
 * reset the sandbox, and describe the demo organisation. Unauthenticated on purpose: it only
 * exists in the embedded sandbox, next to generated data.
 */
@RestController
@ConditionalOnSandboxEnabled
@RequestMapping("/sandbox/admin")
public class AdminController {

  private final OutageSwitch outages;
  private final LearnerSimulator simulator;
  private final SandboxReset reset;
  private final DemoOrganisation organisation;

  public AdminController(OutageSwitch outages, LearnerSimulator simulator, SandboxReset reset,
      DemoOrganisation organisation) {
    this.outages = outages;
    this.simulator = simulator;
    this.reset = reset;
    this.organisation = organisation;
  }

  /**
   * Body of {@code POST /outage}: the system, the status it answers with (default 503) and an
   * optional {@code Retry-After} in seconds.
   */
  public record OutageRequest(String system, Integer status, Integer retryAfterSeconds) {
  }

  /**
   * Body of {@code POST /completions}: explicit {@code learners}, or else every enrolled
   * learner with {@code passRate} (default 0.8) of them passing.
   */
  public record CompletionsRequest(long courseId, List<LearnerResult> learners, Double passRate) {
  }

  @GetMapping("/outage")
  public Map<String, Integer> outages() {
    return outages.current();
  }

  @PostMapping("/outage")
  public Map<String, Integer> startOutage(@RequestBody OutageRequest request) {
    outages.start(system(request.system()), new Outage(
        Optional.ofNullable(request.status()).orElse(503),
        Optional.ofNullable(request.retryAfterSeconds())));
    return outages.current();
  }

  /** Ends the outage of {@code system}, or of every system when none is named. */
  @DeleteMapping("/outage")
  public ResponseEntity<Void> endOutage(@RequestParam("system") Optional<String> system) {
    system.map(this::system).ifPresentOrElse(outages::end, outages::endAll);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/completions")
  public Map<String, Object> completions(@RequestBody CompletionsRequest request,
      HttpServletRequest http) {
    List<LearnerResult> learners = Optional.ofNullable(request.learners()).orElseGet(
        () -> simulator.enrolledResults(request.courseId(),
            Optional.ofNullable(request.passRate()).orElse(0.8)));
    String site = http.getRequestURL().toString().replaceFirst("/sandbox/admin/.*$",
        "/sandbox/moodle");
    List<UUID> ids = simulator.finish(site, request.courseId(), learners);
    return Map.of("statementIds", ids, "learners", learners);
  }

  @PostMapping("/reset")
  public ResponseEntity<Void> reset() {
    reset.reset();
    return ResponseEntity.noContent().build();
  }

  /** Headcount per department and the chief executive, to orient a demo. */
  @GetMapping("/organisation")
  public Map<String, Object> organisation() {
    Map<String, Long> departments = new TreeMap<>();
    organisation.employees().forEach(e -> departments.merge(e.department().name(), 1L,
        Long::sum));
    DemoEmployee ceo = organisation.employees().get(0);
    return Map.of("employees", organisation.employees().size(), "departments", departments,
        "chiefExecutive", Map.of("id", ceo.id(), "name", ceo.displayName(), "email",
            ceo.email()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  private SandboxSystem system(String id) {
    return SandboxSystem.byId(Optional.ofNullable(id).orElse("")).orElseThrow(
        () -> new IllegalArgumentException("system must be one of moodle, scim, xapi, vendor"));
  }
}
