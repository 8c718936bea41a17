package io.learnops.app.programs;

import io.learnops.app.programs.ProgramApi.IntakeRequest;
import io.learnops.app.programs.ProgramApi.ProgramCreated;
import io.learnops.app.programs.ProgramApi.ProgramSummary;
import io.learnops.app.programs.ProgramApi.ProgramView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Validated
@RequestMapping("/api/programs")
@Tag(name = "Programs", description = "Intake and registry of learning programs")
class ProgramController {

  private final ProgramService programs;

  ProgramController(ProgramService programs) {
    this.programs = programs;
  }

  @PostMapping
  @Operation(summary = "Take in a training request and start its learning-program process")
  @ApiResponse(responseCode = "201", description = "Program registered and its process instance started")
  @ApiResponse(responseCode = "400", description = "Invalid request; `errors` lists each field and what is wrong")
  @ApiResponse(responseCode = "503", description = "The engine refused or is unreachable (e.g. the process is not deployed); nothing was registered")
  ResponseEntity<ProgramCreated> create(@Valid @RequestBody IntakeRequest request) {
    final Program program = programs.start(request.toNewProgram(), request.toProfile(), java.util.Map.of());
    return ResponseEntity
        .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(program.id()).toUri())
        .body(new ProgramCreated(program.id(), program.processInstanceKey().orElseThrow(), program.status()));
  }

  @GetMapping
  @Operation(summary = "List programs, newest first")
  List<ProgramSummary> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return programs.list(limit).stream().map(ProgramSummary::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "A program with its current stage, stage history, decisions and evaluation results")
  @ApiResponse(responseCode = "404", description = "No program with this id")
  ProgramView get(@PathVariable UUID id) {
    return ProgramView.of(programs.details(id));
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel the program and its process instance")
  @ApiResponse(responseCode = "404", description = "No program with this id")
  @ApiResponse(responseCode = "409", description = "The program is already completed or canceled")
  ProgramView cancel(@PathVariable UUID id) {
    return ProgramView.of(programs.cancel(id));
  }
}
