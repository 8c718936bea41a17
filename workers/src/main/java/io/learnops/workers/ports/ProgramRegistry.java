package io.learnops.workers.ports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's program registry, for what only it knows about programs. */
public interface ProgramRegistry {

  /** Open programs (intake to delivery) other than {@code programId}, for duplicate checks. */
  List<ProgramSummary> openPrograms(String excludingProgramId);

  /**
   * Stores a design package and returns its version. The same {@code key} (one per job) must
   * return the version stored first, so a retried job does not add a version.
   */
  int recordDesign(String key, DesignPackage design);

  /** Marks the program retired; repeating it is harmless. */
  void markRetired(String programId);

  /**
   * Starts a learning-program instance for the improved version under {@code newProgramId}
   * unless one with that id exists (then does nothing).
   */
  void openImprovementRequest(ImprovementRequest request);

  record ProgramSummary(String programId, String title, String topic, Object audienceCriteria,
      String stage) {
  }

  record DesignPackage(String programId, String designChoice, Object learningObjectives,
      Optional<Map<String, Object>> selectedVendor, Optional<BigDecimal> quotedCost,
      Optional<BigDecimal> estimatedBudget, BigDecimal budget) {
  }

  record ImprovementRequest(String newProgramId, String linkedProgramId, String title,
      String reportUrl, String improvementNotes) {
  }
}
