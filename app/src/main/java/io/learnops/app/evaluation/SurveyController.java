package io.learnops.app.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Answers to a program's surveys, read by the L1 worker. */
@RestController
@Tag(name = "Surveys", description = "Answers to the reaction (L1) and follow-up (L3) surveys")
class SurveyController {

  private final JdbcSurveyService surveys;

  SurveyController(JdbcSurveyService surveys) {
    this.surveys = surveys;
  }

  record ResponseRequest(@NotBlank @Size(max = 200) String respondent,
      @NotNull @Min(0) @Max(10) Integer recommendation, @Size(max = 4000) String comment) {
  }

  @GetMapping("/api/programs/{id}/surveys")
  @Operation(summary = "The program's surveys: the reaction survey (L1) and the behaviour follow-ups (L3)")
  List<JdbcSurveyService.Survey> surveys(@PathVariable UUID id) {
    return surveys.surveysOf(id.toString());
  }

  @PostMapping("/api/programs/{id}/surveys/{surveyId}/responses")
  @Operation(summary = "Record a respondent's 0-10 recommendation answer (again: replaces it)")
  @ApiResponse(responseCode = "204", description = "Recorded")
  @ApiResponse(responseCode = "404", description = "No such survey for this program")
  ResponseEntity<Void> respond(@PathVariable UUID id, @PathVariable String surveyId,
      @Valid @RequestBody ResponseRequest request) {
    if (!surveys.programOf(surveyId).map(id.toString()::equals).orElse(false)
        || !surveys.respond(surveyId, new JdbcSurveyService.SurveyResponse(request.respondent().strip(),
            request.recommendation(), request.comment()))) {
      throw new ErrorResponseException(HttpStatus.NOT_FOUND,
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No survey " + surveyId + " for program " + id), null);
    }
    return ResponseEntity.noContent().build();
  }
}
