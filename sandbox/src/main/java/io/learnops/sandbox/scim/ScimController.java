package io.learnops.sandbox.scim;

import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.SandboxProperties;
import io.learnops.sandbox.org.DemoEmployee;
import io.learnops.sandbox.org.DemoOrganisation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A read-only SCIM 2.0 service provider over the demo organisation: {@code GET /Users} with
 * filter and {@code startIndex}/{@code count} paging, and {@code GET /Users/{id}}. Bearer auth.
 */
@RestController
@ConditionalOnSandboxEnabled
@RequestMapping("/sandbox/scim/v2")
public class ScimController {

  static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  /** Larger pages are cut to this size, as RFC 7644 §3.4.2.4 allows a provider to do. */
  static final int MAX_PAGE = 200;
  private static final int DEFAULT_PAGE = 100;

  private final DemoOrganisation organisation;
  private final byte[] token;

  public ScimController(DemoOrganisation organisation, SandboxProperties properties) {
    this.organisation = organisation;
    this.token = ("Bearer " + properties.scim().token()).getBytes(StandardCharsets.UTF_8);
  }

  @GetMapping("/Users")
  public ResponseEntity<Map<String, Object>> users(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam("filter") Optional<String> filter,
      @RequestParam("startIndex") Optional<Integer> startIndex,
      @RequestParam("count") Optional<Integer> count, HttpServletRequest request) {
    authorise(authorization);
    Predicate<DemoEmployee> matches = filter.filter(f -> !f.isBlank())
        .map(ScimFilterParser::parse).orElse(e -> true);
    List<DemoEmployee> all = organisation.employees().stream().filter(matches).toList();
    int start = Math.max(1, startIndex.orElse(1));
    int size = Math.max(0, Math.min(MAX_PAGE, count.orElse(DEFAULT_PAGE)));
    List<DemoEmployee> page = all.stream().skip(start - 1L).limit(size).toList();
    String location = usersLocation(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(LIST_RESPONSE));
    body.put("totalResults", all.size());
    body.put("itemsPerPage", page.size());
    body.put("startIndex", start);
    body.put("Resources", page.stream().map(e -> ScimUsers.resource(e, location)).toList());
    return ResponseEntity.ok().contentType(SCIM_JSON).body(body);
  }

  @GetMapping("/Users/{id}")
  public ResponseEntity<Map<String, Object>> user(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable("id") String id, HttpServletRequest request) {
    authorise(authorization);
    DemoEmployee employee = organisation.byId(id).orElseThrow(
        () -> new ScimException(404, null, "Resource " + id + " not found"));
    return ResponseEntity.ok().contentType(SCIM_JSON)
        .body(ScimUsers.resource(employee, usersLocation(request)));
  }

  @ExceptionHandler(ScimException.class)
  ResponseEntity<Map<String, Object>> error(ScimException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(ERROR));
    body.put("status", Integer.toString(e.status()));
    e.scimType().ifPresent(type -> body.put("scimType", type));
    body.put("detail", e.getMessage());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(SCIM_JSON);
    if (e.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox-scim\"");
    }
    return response.body(body);
  }

  private void authorise(String authorization) {
    if (authorization == null
        || !MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8))) {
      throw new ScimException(401, null, "Authorization failure: missing or unknown bearer token");
    }
  }

  private static String usersLocation(HttpServletRequest request) {
    return request.getRequestURL().toString().replaceFirst("/Users.*$", "/Users");
  }
}
