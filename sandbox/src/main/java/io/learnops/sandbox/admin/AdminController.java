package io.learnops.sandbox.admin;

import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.moodle.MoodleCourse;
import io.learnops.sandbox.moodle.MoodleState;
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
  private final MoodleState moodle;

  public AdminController(OutageSwitch outages, LearnerSimulator simulator, SandboxReset reset,
      DemoOrganisation organisation, MoodleState moodle) {
    this.outages = outages;
    this.simulator = simulator;
    this.reset = reset;
    this.organisation = organisation;
    this.moodle = moodle;
  }

  /**
   * Body of {@code POST /outage}: the system, the status it answers with (default 503) and an
   * optional {@code Retry-After} in seconds.
   */
  public record OutageRequest(String system, Integer status, Integer retryAfterSeconds) {
  }

  /**
   * Body of {@code POST /completions}: the course by {@code courseId}, or by {@code courseIdNumber}
   * (its Moodle idnumber, which LearnOps sets to the program id); explicit {@code learners}, or
   * else every enrolled learner with {@code passRate} (default 0.8) of them passing.
   */
  public record CompletionsRequest(Long courseId, String courseIdNumber, List<LearnerResult> learners,
      Double passRate) {
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
    long courseId = courseOf(request);
    List<LearnerResult> learners = Optional.ofNullable(request.learners()).orElseGet(
        () -> simulator.enrolledResults(courseId,
            Optional.ofNullable(request.passRate()).orElse(0.8)));
    if (learners.isEmpty()) {
      // a course whose enrolment is still running: say so rather than finish nobody
      throw new IllegalArgumentException("course " + courseId + " has no enrolled learners yet");
    }
    String site = http.getRequestURL().toString().replaceFirst("/sandbox/admin/.*$",
        "/sandbox/moodle");
    List<UUID> ids = simulator.finish(site, courseId, learners);
    return Map.of("courseId", courseId, "statementIds", ids, "learners", learners);
  }

  private long courseOf(CompletionsRequest request) {
    if (request.courseId() != null) {
      return request.courseId();
    }
    if (request.courseIdNumber() == null || request.courseIdNumber().isBlank()) {
      throw new IllegalArgumentException("courseId or courseIdNumber is required");
    }
    return moodle.courseByIdNumber(request.courseIdNumber()).map(MoodleCourse::id).orElseThrow(
        () -> new IllegalArgumentException("the Moodle stand-in has no course with idnumber "
            + request.courseIdNumber()));
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
