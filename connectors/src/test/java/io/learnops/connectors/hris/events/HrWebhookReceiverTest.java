package io.learnops.connectors.hris.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.connectors.hris.events.HrChangeEvent.Hire;
import io.learnops.connectors.hris.events.HrChangeEvent.ManagerChange;
import io.learnops.connectors.hris.events.HrChangeEvent.Termination;
import io.learnops.connectors.hris.events.HrChangeEvent.Transfer;
import io.learnops.connectors.hris.events.HrWebhookResult.Accepted;
import io.learnops.connectors.hris.events.HrWebhookResult.Reason;
import io.learnops.connectors.hris.events.HrWebhookResult.Refused;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HrWebhookReceiverTest {

  private static final String KEY = "bamboo-private-key";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final String NOW_SECONDS = Long.toString(NOW.getEpochSecond());

  private final HrWebhookReceiver receiver =
      new HrWebhookReceiver(HrWebhookSettings.bambooHr(KEY), Clock.fixed(NOW, ZoneOffset.UTC));

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> signed(String key, byte[] body, String timestamp) {
    return Map.of("X-BambooHR-Timestamp", timestamp,
        "X-BambooHR-Signature", HrWebhookReceiver.sign(key, body, timestamp));
  }

  private HrWebhookResult receive(byte[] body) {
    return receiver.receive(signed(KEY, body, NOW_SECONDS), body);
  }

  private static List<HrChangeEvent> events(HrWebhookResult result) {
    assertThat(result).isInstanceOf(Accepted.class);
    return ((Accepted) result).events();
  }

  @Test
  void an_employee_created_event_is_a_hire() {
    byte[] body = json("""
        {"type":"employee.created","timestamp":"2026-03-02T08:59:00+0000",
         "data":{"companyId":"12345","employeeId":"67890"}}""");

    assertThat(events(receive(body))).containsExactly(
        new Hire("67890", Instant.parse("2026-03-02T08:59:00Z"), Map.of()));
  }

  @Test
  void an_employee_deleted_event_is_a_termination() {
    byte[] body = json("""
        {"type":"employee.deleted","data":{"employeeId":"67890"}}""");

    assertThat(events(receive(body))).containsExactly(
        new Termination("67890", NOW, Optional.empty()));
  }

  @Test
  void a_department_and_supervisor_change_is_a_transfer_and_a_manager_change() {
    byte[] body = json("""
        {"employees":[{"id":"42","action":"Updated","timestamp":"2026-03-02T08:58:00+00:00",
          "changedFields":["department","supervisorEId"],
          "fields":{"department":"Logistics","supervisorEId":"7","firstName":"Ada"}}]}""");
    Instant at = Instant.parse("2026-03-02T08:58:00Z");

    assertThat(events(receive(body))).containsExactly(
        new ManagerChange("42", at, Optional.of("7")),
        new Transfer("42", at, Set.of("department"), Map.of("department", "Logistics")));
  }

  @Test
  void an_employee_set_inactive_with_a_termination_date_is_a_termination() {
    byte[] body = json("""
        {"employees":[{"id":"42","action":"Updated","changedFields":["status","terminationDate"],
          "fields":{"status":"Inactive","terminationDate":"2026-03-31"}}]}""");

    assertThat(events(receive(body))).containsExactly(
        new Termination("42", NOW, Optional.of(LocalDate.parse("2026-03-31"))));
  }

  @Test
  void a_change_learnops_does_not_care_about_is_accepted_without_events() {
    byte[] body = json("""
        {"type":"employee.updated","data":{"employeeId":"42","changedFields":["firstName"]}}""");

    assertThat(events(receive(body))).isEmpty();
  }

  @Test
  void a_wrong_signature_is_refused_with_401() {
    byte[] body = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");

    HrWebhookResult result = receiver.receive(signed("someone-else", body, NOW_SECONDS), body);

    assertThat(result).isInstanceOfSatisfying(Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
      assertThat(refused.httpStatus()).isEqualTo(401);
    });
  }

  @Test
  void a_body_changed_after_signing_is_refused() {
    byte[] original = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");
    byte[] changed = json("{\"type\":\"employee.deleted\",\"data\":{\"employeeId\":\"1\"}}");

    assertThat(receiver.receive(signed(KEY, original, NOW_SECONDS), changed))
        .isInstanceOfSatisfying(Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void deliveries_older_or_newer_than_five_minutes_are_refused() {
    byte[] body = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");
    String stale = Long.toString(NOW.minus(Duration.ofSeconds(301)).getEpochSecond());
    String future = Long.toString(NOW.plus(Duration.ofSeconds(301)).getEpochSecond());

    assertThat(receiver.receive(signed(KEY, body, stale), body))
        .isInstanceOfSatisfying(Refused.class, refused ->
            assertThat(refused.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
    assertThat(receiver.receive(signed(KEY, body, future), body))
        .isInstanceOfSatisfying(Refused.class, refused ->
            assertThat(refused.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
  }

  @Test
  void an_iso_timestamp_header_is_accepted() {
    byte[] body = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");

    assertThat(receiver.receive(signed(KEY, body, "2026-03-02T08:57:30Z"), body))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void during_a_key_rotation_both_keys_are_accepted() {
    HrWebhookReceiver rotating = new HrWebhookReceiver(new HrWebhookSettings(
        List.of("new-key", KEY), "X-BambooHR-Signature", "X-BambooHR-Timestamp",
        Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC));
    byte[] body = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");

    assertThat(rotating.receive(signed(KEY, body, NOW_SECONDS), body))
        .isInstanceOf(Accepted.class);
    assertThat(rotating.receive(signed("new-key", body, NOW_SECONDS), body))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void a_replayed_delivery_has_the_same_delivery_id_for_deduplication() {
    byte[] body = json("{\"type\":\"employee.created\",\"data\":{\"employeeId\":\"1\"}}");

    Accepted first = (Accepted) receive(body);
    Accepted replay = (Accepted) receive(body);

    assertThat(replay.deliveryId()).isEqualTo(first.deliveryId()).isNotBlank();
  }

  @Test
  void missing_signature_headers_are_refused() {
    assertThat(receiver.receive(Map.of("X-BambooHR-Timestamp", NOW_SECONDS), json("{}")))
        .isInstanceOfSatisfying(Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.MISSING_HEADER));
  }

  @Test
  void a_signed_but_unreadable_payload_is_refused_as_malformed() {
    assertThat(receive(json("{\"employees\":[{\"action\":\"Updated\"}]}")))
        .isInstanceOfSatisfying(Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
    assertThat(receive(json("not json")))
        .isInstanceOfSatisfying(Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
  }
}
