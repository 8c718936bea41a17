package io.learnops.app.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The evaluation report the build-report worker stored. */
@RestController
@Tag(name = "Reports", description = "Evaluation reports (Markdown)")
class ReportController {

  private final JdbcReportStore reports;

  ReportController(JdbcReportStore reports) {
    this.reports = reports;
  }

  @GetMapping("/api/programs/{id}/report")
  @Operation(summary = "The program's evaluation report, as stored (text/markdown)")
  @ApiResponse(responseCode = "404", description = "No report (yet) for this program")
  ResponseEntity<String> report(@PathVariable UUID id) {
    return reports.find(id.toString())
        .map(r -> ResponseEntity.ok().contentType(MediaType.parseMediaType(r.contentType() + ";charset=UTF-8")).body(r.content()))
        .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
            ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No report for program " + id), null));
  }
}
