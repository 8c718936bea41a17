package io.learnops.app.programs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.workers.ports.ProgramRegistry.DesignPackage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Design versions of a program ({@code program_design}), one per record-design job key. */
@Repository
class ProgramDesigns {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  ProgramDesigns(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The version stored under {@code key}, else the next version of the program stored now. */
  int record(String key, DesignPackage design) {
    final Optional<Integer> recorded = versionOf(key);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    final int version = jdbc.sql("select coalesce(max(version), 0) + 1 from program_design where program_id = :id")
        .param("id", design.programId()).query(Integer.class).single();
    try {
      jdbc.sql("""
              insert into program_design (program_id, version, design_key, design_json, budget, quoted_cost, recorded_at)
              values (:id, :version, :key, :json, :budget, :quotedCost, :at)""")
          .param("id", design.programId())
          .param("version", version)
          .param("key", key)
          .param("json", toJson(design))
          .param("budget", design.budget())
          .param("quotedCost", design.quotedCost().orElse(null))
          .param("at", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
      return version;
    } catch (DuplicateKeyException concurrent) {
      // the same job delivered twice at once, or another round took this version number
      return versionOf(key).orElseThrow(() -> concurrent);
    }
  }

  /** The latest design's stored JSON, for the cost ledger and the API. */
  Optional<Map<String, Object>> latest(String programId) {
    return jdbc.sql("select design_json from program_design where program_id = :id order by version desc limit 1")
        .param("id", programId).query(String.class).optional().map(this::fromJson);
  }

  private Optional<Integer> versionOf(String key) {
    return jdbc.sql("select version from program_design where design_key = :key")
        .param("key", key).query(Integer.class).optional();
  }

  private String toJson(DesignPackage design) {
    final Map<String, Object> map = new LinkedHashMap<>();
    map.put("designChoice", design.designChoice());
    map.put("learningObjectives", design.learningObjectives());
    map.put("selectedVendor", design.selectedVendor().orElse(null));
    map.put("quotedCost", design.quotedCost().orElse(null));
    map.put("estimatedBudget", design.estimatedBudget().orElse(null));
    map.put("budget", design.budget());
    try {
      return json.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("design of " + design.programId() + " is not JSON: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored design is not JSON", e);
    }
  }
}
