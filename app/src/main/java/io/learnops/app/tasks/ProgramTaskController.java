package io.learnops.app.tasks;

import io.learnops.app.programs.Program;
import io.learnops.app.programs.ProgramService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a program waits: its open user tasks, and every step it is at. */
@RestController
@Tag(name = "Tasks", description = "Open user tasks of a program (approvals, designs, follow-ups) and where it waits")
class ProgramTaskController {

  private final ProgramService programs;
  private final ProgramTasks tasks;
  private final ProgramActivity activity;

  ProgramTaskController(ProgramService programs, ProgramTasks tasks, ProgramActivity activity) {
    this.programs = programs;
    this.tasks = tasks;
    this.activity = activity;
  }

  @GetMapping("/api/programs/{id}/tasks")
  @Operation(summary = "The program's open user tasks, most urgent first; complete one with POST /v2/user-tasks/{key}/completion on the engine")
  @ApiResponse(responseCode = "404", description = "No program with this id")
  List<OpenTask> openTasks(@PathVariable UUID id) {
    return program(id).processInstanceKey().map(tasks::openTasks).orElse(List.of());
  }

  @GetMapping("/api/programs/{id}/activity")
  @Operation(summary = "Every step the program is at: tasks being worked, messages and timers it waits for, incidents")
  @ApiResponse(responseCode = "404", description = "No program with this id")
  List<ActiveStep> activity(@PathVariable UUID id) {
    return program(id).processInstanceKey().map(activity::activeSteps).orElse(List.of());
  }

  private Program program(UUID id) {
    return programs.find(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No learning program with id " + id), null));
  }
}
