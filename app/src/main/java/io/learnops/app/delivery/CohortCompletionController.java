package io.learnops.app.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/programs/{id}/cohort-completed}: L&D ops confirm the cohort has finished. */
@RestController
@RequestMapping("/api/programs")
class CohortCompletionController {

  private final CohortCompletion cohortCompletion;

  CohortCompletionController(CohortCompletion cohortCompletion) {
    this.cohortCompletion = cohortCompletion;
  }

  @PostMapping("/{id}/cohort-completed")
  @Operation(summary = "Confirm that the program's cohort has finished; delivery goes on to collect completions")
  @ApiResponse(responseCode = "202", description = "Delivery goes on")
  @ApiResponse(responseCode = "404", description = "No program with this id")
  @ApiResponse(responseCode = "409", description = "The program is not in delivery")
  ResponseEntity<Void> confirm(@PathVariable UUID id) {
    cohortCompletion.confirm(id);
    return ResponseEntity.accepted().build();
  }
}
