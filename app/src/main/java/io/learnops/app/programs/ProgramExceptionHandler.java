package io.learnops.app.programs;

import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 7807 problem details for the API; a 400 lists every invalid field under {@code errors}. */
@RestControllerAdvice(assignableTypes = ProgramController.class)
class ProgramExceptionHandler extends ResponseEntityExceptionHandler {

  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    final List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), message(error)))
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
    final List<FieldProblem> errors = ex.getConstraintViolations().stream()
        .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  private static ProblemDetail invalid(List<FieldProblem> errors) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() + " invalid field(s): " + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList()));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
