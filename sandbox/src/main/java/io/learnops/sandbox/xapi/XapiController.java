package io.learnops.sandbox.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The xAPI 1.0.3 Statement resource. Every request needs Basic auth and
 * {@code X-Experience-API-Version: 1.0.x}; every answer carries {@code 1.0.3}. GET pages
 * newest first; {@code more} repeats the filters with a {@code cursor}, relative to this host.
 */
@RestController
@ConditionalOnSandboxEnabled
@RequestMapping("/sandbox/xapi")
public class XapiController {

  static final String VERSION_HEADER = "X-Experience-API-Version";
  static final String VERSION = "1.0.3";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private final StatementStore store;
  private final ObjectMapper mapper;
  private final byte[] credentials;
  private final String username;

  public XapiController(StatementStore store, ObjectMapper mapper,
      SandboxProperties properties) {
    this.store = store;
    this.mapper = mapper;
    this.username = properties.xapi().username();
    this.credentials = ("Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + properties.xapi().password()).getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.UTF_8);
  }

  @PostMapping(path = "/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<String>> post(@RequestHeader HttpHeaders headers,
      @RequestBody String body) {
    check(headers);
    JsonNode parsed = parse(body);
    List<ObjectNode> batch = new ArrayList<>();
    if (parsed.isArray()) {
      parsed.forEach(s -> batch.add(object(s)));
    } else {
      batch.add(object(parsed));
    }
    if (batch.isEmpty()) {
      throw XapiException.badRequest("empty batch");
    }
    List<String> ids = store.store(batch, authority()).stream().map(UUID::toString).toList();
    return answer(HttpStatus.OK).body(ids);
  }

  @PutMapping(path = "/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> put(@RequestHeader HttpHeaders headers,
      @RequestParam("statementId") String statementId, @RequestBody String body) {
    check(headers);
    store.put(uuid(statementId), object(parse(body)), authority());
    return answer(HttpStatus.NO_CONTENT).build();
  }

  @GetMapping("/statements")
  public ResponseEntity<Object> get(@RequestHeader HttpHeaders headers,
      @RequestParam Map<String, String> params, HttpServletRequest request) {
    check(headers);
    if (params.containsKey("statementId")) {
      StoredStatement statement = store.get(uuid(params.get("statementId"))).orElseThrow(
          () -> new XapiException(404, "no statement " + params.get("statementId")));
      return answer(HttpStatus.OK).body(statement.json());
    }
    StatementFilter filter = new StatementFilter(
        Optional.ofNullable(params.get("agent")).map(this::parse),
        Optional.ofNullable(params.get("verb")), Optional.ofNullable(params.get("activity")),
        Optional.ofNullable(params.get("registration")),
        Optional.ofNullable(params.get("since")).map(XapiController::instant),
        Optional.ofNullable(params.get("until")).map(XapiController::instant));
    int limit = Optional.ofNullable(params.get("limit")).map(XapiController::integer)
        .filter(l -> l > 0).map(l -> Math.min(l, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
    long cursor = Optional.ofNullable(params.get("cursor")).map(XapiController::integer)
        .map(Integer::longValue).orElse(Long.MAX_VALUE);
    List<StoredStatement> found = store.query(filter, cursor, limit);
    List<StoredStatement> page = found.subList(0, Math.min(limit, found.size()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("statements", page.stream().map(StoredStatement::json).toList());
    result.put("more", found.size() > limit
        ? more(request, params, page.get(page.size() - 1).sequence()) : "");
    return answer(HttpStatus.OK)
        .header("X-Experience-API-Consistent-Through", store.consistentThrough().toString())
        .body(result);
  }

  @ExceptionHandler(XapiException.class)
  ResponseEntity<Map<String, String>> error(XapiException e) {
    ResponseEntity.BodyBuilder response = answer(HttpStatus.valueOf(e.status()));
    if (e.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox-lrs\"");
    }
    return response.contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", HttpStatus.valueOf(e.status()).getReasonPhrase(),
            "message", e.getMessage()));
  }

  /** The same filters and limit, continuing below the last statement of this page. */
  private static String more(HttpServletRequest request, Map<String, String> params,
      long lastSequence) {
    StringBuilder next = new StringBuilder(request.getRequestURI()).append('?');
    params.forEach((key, value) -> {
      if (!key.equals("cursor")) {
        next.append(encode(key)).append('=').append(encode(value)).append('&');
      }
    });
    return next.append("cursor=").append(lastSequence).toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void check(HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !MessageDigest.isEqual(credentials,
        authorization.getBytes(StandardCharsets.UTF_8))) {
      throw new XapiException(401, "unknown LRS credentials");
    }
    String version = headers.getFirst(VERSION_HEADER);
    if (version == null || !version.matches("1\\.0(\\.\\d+)?")) {
      throw XapiException.badRequest(VERSION_HEADER + " must be 1.0.x, was " + version);
    }
  }

  private ObjectNode authority() {
    ObjectNode authority = mapper.createObjectNode();
    authority.put("objectType", "Agent");
    authority.put("name", username);
    authority.putObject("account").put("homePage", "urn:learnops:sandbox:lrs")
        .put("name", username);
    return authority;
  }

  private static ResponseEntity.BodyBuilder answer(HttpStatus status) {
    return ResponseEntity.status(status).header(VERSION_HEADER, VERSION);
  }

  private JsonNode parse(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw XapiException.badRequest("not JSON: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode object(JsonNode node) {
    if (!node.isObject()) {
      throw XapiException.badRequest("a statement must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw XapiException.badRequest("not a statement id: " + value);
    }
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw XapiException.badRequest("not an ISO 8601 timestamp: " + value);
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw XapiException.badRequest("not an integer: " + value);
    }
  }
}
