package io.learnops.app.programs;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The program API's failures as RFC 7807 problem details; Spring MVC renders them as they are. */
final class ProgramProblems {

  private ProgramProblems() {}

  static ErrorResponseException notFound(UUID id) {
    return problem(HttpStatus.NOT_FOUND, "program-not-found", "Program not found",
        "No learning program with id " + id, null);
  }

  static ErrorResponseException finished(UUID id, ProgramStatus status) {
    return problem(HttpStatus.CONFLICT, "program-finished", "Program already finished",
        "Learning program " + id + " is already " + status.name().toLowerCase(), null);
  }

  static ErrorResponseException engineUnavailable(String detail, Throwable cause) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "engine-unavailable", "Process engine unavailable", detail, cause);
  }

  private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail, Throwable cause) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://learnops.io/problems/" + type));
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, cause);
  }
}
