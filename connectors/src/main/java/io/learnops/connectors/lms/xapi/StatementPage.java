package io.learnops.connectors.lms.xapi;

import java.util.List;
import java.util.Optional;

/** One page of {@code GET /statements}; {@code more} is the LRS's IRL of the next page. */
public record StatementPage(List<LearningStatement> statements, Optional<String> more) {

  public StatementPage {
    statements = List.copyOf(statements);
  }

  public boolean hasMore() {
    return more.isPresent();
  }
}
