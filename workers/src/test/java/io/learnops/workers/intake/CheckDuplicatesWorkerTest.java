package io.learnops.workers.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.ProgramRegistry.ProgramSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class CheckDuplicatesWorkerTest {

  private static ProgramRegistry registry(ProgramSummary... open) {
    ProgramRegistry registry = Mockito.mock(ProgramRegistry.class);
    Mockito.when(registry.openPrograms("P-9")).thenReturn(List.of(open));
    return registry;
  }

  @Test
  void same_topic_and_audience_is_a_duplicate_and_similar_ones_are_listed_best_first() {
    var worker = new CheckDuplicatesWorker(registry(
        new ProgramSummary("P-1", "GDPR basics", "gdpr", "department eq \"Support\"", "design"),
        new ProgramSummary("P-2", "GDPR for support agents", "gdpr", "Department eq  \"support\"",
            "delivery"),
        new ProgramSummary("P-3", "Forklift safety", "safety", "x", "intake")));

    var result = worker.checkDuplicates("P-9", "GDPR for support", "GDPR",
        "department eq \"Support\"");

    assertThat(result.duplicateOf()).isEqualTo("P-2");
    assertThat(result.similarPrograms()).extracting(CheckDuplicatesWorker.SimilarProgram::programId)
        .containsExactly("P-2", "P-1");
    assertThat(result.similarPrograms().get(0).similarity()).isEqualTo(0.88);
  }

  @Test
  void nothing_alike_is_no_duplicate_and_an_empty_list() {
    var worker = new CheckDuplicatesWorker(registry(
        new ProgramSummary("P-3", "Forklift safety", "safety", "x", "intake")));

    var result = worker.checkDuplicates("P-9", "GDPR for support", "gdpr", "y");

    assertThat(result.duplicateOf()).isNull();
    assertThat(result.similarPrograms()).isEmpty();
  }

  @Test
  void a_similar_title_without_the_same_audience_is_similar_but_no_duplicate() {
    var worker = new CheckDuplicatesWorker(registry(
        new ProgramSummary("P-1", "GDPR for support", "gdpr", "department eq \"Sales\"", "review")));

    var result = worker.checkDuplicates("P-9", "GDPR for support", "gdpr",
        "department eq \"Support\"");

    assertThat(result.duplicateOf()).isNull();
    assertThat(result.similarPrograms()).singleElement()
        .satisfies(p -> assertThat(p.similarity()).isEqualTo(0.8));
  }
}
