package io.learnops.connectors.hris.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.connectors.hris.events.HrChangeEvent.Hire;
import io.learnops.connectors.hris.events.HrChangeEvent.ManagerChange;
import io.learnops.connectors.hris.events.HrChangeEvent.Termination;
import io.learnops.connectors.hris.events.HrChangeEvent.Transfer;
import io.learnops.connectors.hris.events.HrWebhookResult.Accepted;
import io.learnops.connectors.hris.events.HrWebhookResult.Reason;
import io.learnops.connectors.hris.events.HrWebhookResult.Refused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and parses HR change webhooks (BambooHR style).
 *
 * <p>The signature is the hex HMAC-SHA256 of the raw body followed by the timestamp header;
 * deliveries whose timestamp (Unix seconds or ISO 8601) is further than the tolerance from the
 * injected clock are refused. Two payload shapes are understood: event-based
 * ({@code {"type":"employee.updated","data":{"employeeId",…,"changedFields":[…]}}}) and
 * field-based ({@code {"employees":[{"id","action","changedFields","fields"}]}}).
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><td>created</td><td>{@link Hire}</td></tr>
 *   <tr><td>deleted, or status set to inactive/terminated, or terminationDate set</td>
 *       <td>{@link Termination}</td></tr>
 *   <tr><td>supervisor / reportsTo / supervisorEId / supervisorId changed</td>
 *       <td>{@link ManagerChange}</td></tr>
 *   <tr><td>department / division / location / jobTitle changed</td><td>{@link Transfer}</td></tr>
 *   <tr><td>anything else</td><td>ignored</td></tr>
 * </table>
 */
public final class HrWebhookReceiver {

  private static final Set<String> TRANSFER_FIELDS =
      Set.of("department", "division", "location", "jobtitle");
  private static final Set<String> MANAGER_FIELDS =
      Set.of("supervisor", "supervisoreid", "supervisorid", "reportsto");
  private static final Set<String> LEAVING_STATUSES = Set.of("inactive", "terminated");
  private static final DateTimeFormatter COMPACT_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

  private final HrWebhookSettings settings;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();

  public HrWebhookReceiver(HrWebhookSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public HrWebhookResult receive(Map<String, String> headers, byte[] body) {
    Optional<String> signature = header(headers, settings.signatureHeader());
    Optional<String> timestamp = header(headers, settings.timestampHeader());
    if (signature.isEmpty() || timestamp.isEmpty()) {
      return new Refused(Reason.MISSING_HEADER,
          settings.signatureHeader() + " and " + settings.timestampHeader() + " are required");
    }
    Optional<Instant> sentAt = instant(timestamp.get().trim());
    if (sentAt.isEmpty()) {
      return new Refused(Reason.BAD_TIMESTAMP, "unreadable timestamp");
    }
    Duration skew = Duration.between(sentAt.get(), clock.instant()).abs();
    if (skew.compareTo(settings.tolerance()) > 0) {
      return new Refused(Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "sent at " + sentAt.get());
    }
    if (!signatureMatches(signature.get().trim(), body, timestamp.get().trim())) {
      return new Refused(Reason.BAD_SIGNATURE, "signature does not match");
    }
    try {
      return new Accepted(signature.get().trim().toLowerCase(Locale.ROOT),
          parse(mapper.readTree(body), sentAt.get()));
    } catch (IOException | IllegalArgumentException e) {
      return new Refused(Reason.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  /** The signature header value for a body and timestamp (for senders and tests). */
  public static String sign(String privateKey, byte[] body, String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(privateKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(body);
      return HexFormat.of().formatHex(mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private boolean signatureMatches(String given, byte[] body, String timestamp) {
    byte[] givenBytes;
    try {
      givenBytes = HexFormat.of().parseHex(given.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    for (String key : settings.privateKeys()) {
      byte[] expected = HexFormat.of().parseHex(sign(key, body, timestamp));
      if (MessageDigest.isEqual(expected, givenBytes)) {
        return true;
      }
    }
    return false;
  }

  private List<HrChangeEvent> parse(JsonNode payload, Instant deliveredAt) {
    if (payload.has("employees")) {
      List<HrChangeEvent> events = new ArrayList<>();
      for (JsonNode employee : payload.get("employees")) {
        events.addAll(events(text(employee, "action").orElse(""), required(employee, "id"),
            timestamp(employee, deliveredAt), names(employee.path("changedFields")),
            values(employee.path("fields"))));
      }
      return events;
    }
    if (payload.has("type")) {
      String type = payload.get("type").asText();
      String action = type.substring(type.lastIndexOf('.') + 1);
      JsonNode data = payload.path("data");
      return events(action, required(data, "employeeId"), timestamp(payload, deliveredAt),
          names(data.path("changedFields")), values(data.path("fields")));
    }
    throw new IllegalArgumentException("neither an event-based nor a field-based payload");
  }

  private static List<HrChangeEvent> events(String action, String employeeId, Instant at,
      Set<String> changed, Map<String, String> fields) {
    String verb = action.toLowerCase(Locale.ROOT);
    if (verb.equals("created")) {
      return List.of(new Hire(employeeId, at, fields));
    }
    if (verb.equals("deleted")) {
      return List.of(new Termination(employeeId, at, Optional.empty()));
    }
    if (!verb.equals("updated")) {
      throw new IllegalArgumentException("unknown action '" + action + "'");
    }
    List<HrChangeEvent> events = new ArrayList<>();
    Optional<String> status = lookup(fields, "status").or(() -> lookup(fields, "employmentStatus"));
    Optional<String> terminationDate = lookup(fields, "terminationDate");
    if (status.map(s -> LEAVING_STATUSES.contains(s.toLowerCase(Locale.ROOT))).orElse(false)
        || terminationDate.isPresent() && contains(changed, "terminationdate")) {
      events.add(new Termination(employeeId, at, terminationDate.flatMap(
          HrWebhookReceiver::date)));
      return events;
    }
    Set<String> managerFields = matching(changed, MANAGER_FIELDS);
    if (!managerFields.isEmpty()) {
      events.add(new ManagerChange(employeeId, at, lookup(fields, "supervisorEId")
          .or(() -> lookup(fields, "supervisorId"))
          .or(() -> lookup(fields, "reportsTo"))
          .or(() -> lookup(fields, "supervisor"))));
    }
    Set<String> transferFields = matching(changed, TRANSFER_FIELDS);
    if (!transferFields.isEmpty()) {
      Map<String, String> newValues = new LinkedHashMap<>();
      transferFields.forEach(field -> lookup(fields, field).ifPresent(v -> newValues.put(field, v)));
      events.add(new Transfer(employeeId, at, transferFields, newValues));
    }
    return events;
  }

  private static Set<String> matching(Set<String> changed, Set<String> wanted) {
    Set<String> hits = new LinkedHashSet<>();
    changed.stream().filter(f -> wanted.contains(f.toLowerCase(Locale.ROOT))).forEach(hits::add);
    return hits;
  }

  private static boolean contains(Set<String> changed, String lowerCaseName) {
    return changed.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(lowerCaseName));
  }

  private static Optional<String> lookup(Map<String, String> fields, String name) {
    return fields.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(name -> names.add(name.asText()));
    return names;
  }

  private static Map<String, String> values(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        values.put(e.getKey(), e.getValue().asText());
      }
    });
    return values;
  }

  private static Instant timestamp(JsonNode node, Instant fallback) {
    return text(node, "timestamp").flatMap(HrWebhookReceiver::instant).orElse(fallback);
  }

  private static String required(JsonNode node, String field) {
    return text(node, field).filter(s -> !s.isBlank()).orElseThrow(
        () -> new IllegalArgumentException("missing '" + field + "'"));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** Unix seconds, ISO 8601 with offset, or ISO 8601 with a {@code +0000} offset. */
  private static Optional<Instant> instant(String value) {
    if (value.matches("\\d{1,12}")) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    }
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
        COMPACT_OFFSET)) {
      try {
        return Optional.of(OffsetDateTime.parse(value, format).toInstant());
      } catch (DateTimeParseException next) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }
}
