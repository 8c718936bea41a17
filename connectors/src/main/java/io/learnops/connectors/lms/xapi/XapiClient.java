package io.learnops.connectors.lms.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.ConnectorHttp;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.HttpCall;
import io.learnops.connectors.http.HttpResult;
import io.learnops.connectors.http.JsonSupport;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * xAPI 1.0.3 Statement resource of an LRS: store statements and read them back with filters and
 * {@code more} paging. Every request carries {@code X-Experience-API-Version: 1.0.3} and Basic
 * auth.
 *
 * <p>Statements without an id get one before the first attempt, so resending a batch after a
 * timeout cannot store it twice (the LRS keeps the first copy of an id; a different statement
 * under a known id is a 409, reported as {@code xapi.conflict}).
 */
public final class XapiClient {

  static final String SYSTEM = "xapi";
  public static final String VERSION_HEADER = "X-Experience-API-Version";
  public static final String VERSION = "1.0.3";

  private final XapiSettings settings;
  private final ConnectorHttp http;
  private final JsonSupport json = new JsonSupport(SYSTEM);
  private final StatementJson statements = new StatementJson(json);
  private final Supplier<UUID> ids;
  private final String authorization;

  public XapiClient(XapiSettings settings, ConnectorRuntime runtime) {
    this(settings, runtime, UUID::randomUUID);
  }

  XapiClient(XapiSettings settings, ConnectorRuntime runtime, Supplier<UUID> ids) {
    this.settings = settings;
    this.ids = ids;
    this.http = new ConnectorHttp(SYSTEM, settings.timeouts(), settings.retryPolicy(), runtime,
        XapiClient::rejection);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static BusinessRejection rejection(String system, int status, byte[] body) {
    String code = switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 412 -> "precondition_failed";
      case 413 -> "too_large";
      default -> "http_" + status;
    };
    String detail = new String(body, StandardCharsets.UTF_8);
    return new BusinessRejection(system, system + "." + code,
        detail.length() > 300 ? detail.substring(0, 300) : detail, status);
  }

  /** {@code POST /statements}: stores the batch and returns the ids in the same order. */
  public List<UUID> store(List<LearningStatement> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    List<LearningStatement> identified = batch.stream()
        .map(s -> s.id().isPresent() ? s : s.withId(ids.get()))
        .toList();
    ArrayNode body = json.mapper().createArrayNode();
    identified.forEach(s -> body.add(statements.write(s)));
    HttpCall call = HttpCall.post(statementsUri(Map.of()), "application/json", json.write(body))
        .asRetrySafe();
    JsonNode answer = json.read(send(call).body());
    if (!answer.isArray() || answer.size() != identified.size()) {
      throw json.malformed("expected " + identified.size() + " statement ids", null);
    }
    List<UUID> stored = new ArrayList<>();
    for (JsonNode id : answer) {
      try {
        stored.add(UUID.fromString(id.asText()));
      } catch (IllegalArgumentException e) {
        throw json.malformed("not a statement id: " + id, e);
      }
    }
    return stored;
  }

  /** Stores one statement; returns its id. */
  public UUID store(LearningStatement statement) {
    return store(List.of(statement)).get(0);
  }

  /** {@code PUT /statements?statementId=…}; the LRS answers 204. */
  public void put(LearningStatement statement) {
    UUID id = statement.id().orElseThrow(
        () -> new IllegalArgumentException("PUT needs a statement id"));
    send(HttpCall.put(statementsUri(Map.of("statementId", id.toString())), "application/json",
        json.write(statements.write(statement))));
  }

  /** {@code GET /statements} with the query's filters: the first page. */
  public StatementPage query(StatementQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    query.agent().ifPresent(a -> params.put("agent", json.write(statements.agentFilter(a))));
    query.verb().ifPresent(v -> params.put("verb", v));
    query.activity().ifPresent(a -> params.put("activity", a));
    query.registration().ifPresent(r -> params.put("registration", r.toString()));
    query.since().ifPresent(s -> params.put("since", s.toString()));
    query.until().ifPresent(u -> params.put("until", u.toString()));
    if (query.limit() > 0) {
      params.put("limit", Integer.toString(query.limit()));
    }
    return page(statementsUri(params));
  }

  /**
   * The page behind a {@code more} IRL (relative to the LRS host, or absolute). An IRL on another
   * host is refused: the client would send it our credentials.
   */
  public StatementPage next(StatementPage page) {
    String more = page.more().orElseThrow(() -> new IllegalArgumentException("no more pages"));
    URI next;
    try {
      next = settings.endpoint().resolve(more);
    } catch (IllegalArgumentException e) {
      throw json.malformed("'more' is not an IRL: " + more, e);
    }
    URI endpoint = settings.endpoint();
    if (!endpoint.getScheme().equalsIgnoreCase(next.getScheme())
        || !endpoint.getHost().equalsIgnoreCase(next.getHost())
        || endpoint.getPort() != next.getPort()) {
      throw json.malformed("'more' points to another host: " + next.getHost(), null);
    }
    return page(next);
  }

  /** Follows {@code more} until the LRS has no more, but at most {@code maxPages} pages. */
  public List<LearningStatement> queryAll(StatementQuery query, int maxPages) {
    List<LearningStatement> all = new ArrayList<>();
    StatementPage page = query(query);
    all.addAll(page.statements());
    int pages = 1;
    while (page.hasMore()) {
      if (pages >= maxPages) {
        throw new TechnicalFailure(SYSTEM, Kind.RESULT_TOO_LARGE,
            "more than " + maxPages + " pages; narrow the query with since/until", null);
      }
      page = next(page);
      all.addAll(page.statements());
      pages++;
    }
    return all;
  }

  private StatementPage page(URI uri) {
    JsonNode body = json.read(send(HttpCall.get(uri)).body());
    JsonNode list = json.required(body, "statements");
    if (!list.isArray()) {
      throw json.malformed("'statements' is not an array", null);
    }
    List<LearningStatement> page = new ArrayList<>();
    list.forEach(node -> page.add(statements.read(node)));
    String more = JsonSupport.textOrNull(body, "more");
    return new StatementPage(page, Optional.ofNullable(more).filter(m -> !m.isBlank()));
  }

  private HttpResult send(HttpCall call) {
    return http.execute(call
        .withHeader(VERSION_HEADER, VERSION)
        .withHeader("Authorization", authorization)
        .withHeader("Accept", "application/json"));
  }

  private URI statementsUri(Map<String, String> params) {
    URI base = settings.endpoint().resolve("statements");
    if (params.isEmpty()) {
      return base;
    }
    String query = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return URI.create(base + "?" + query);
  }
}
