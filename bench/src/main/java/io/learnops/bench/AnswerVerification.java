package io.learnops.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --verify}: not a measurement but a check that under load every command gets its answer
 * and every instance finishes, over gRPC with a job stream and over REST with polling. Prints one
 * Markdown row per run and exits non-zero if any run lost an answer, left work open or saw errors.
 */
final class AnswerVerification {

  private AnswerVerification() {}

  static int run(VerifyOptions options) throws Exception {
    final List<VerificationRun.Result> results = new ArrayList<>();
    System.out.println("| run | transport | instances | creates answered | completes answered | errors | unfinished | unanswered | seconds | journal entries |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int run = 1; run <= options.repeat(); run++) {
      for (final Transport transport : options.transports()) {
        final VerificationRun.Result r = new VerificationRun(transport, options).run();
        results.add(r);
        System.out.printf("| %d | %s | %d | %d | %d | %d | %d | %d | %.1f | %d |%n", run, transport.label(), r.instances(),
            r.createsAnswered(), r.completesAnswered(), r.errors(), r.unfinished(), r.unanswered(), r.seconds(), r.journalEntries());
        if (r.firstError() != null) {
          System.err.printf("[verify-%s] run %d: first error: %s%n", transport.label(), run, r.firstError());
        }
      }
    }
    final long failed = results.stream().filter(r -> !r.passed()).count();
    System.out.printf("%n%d of %d runs passed%n", results.size() - failed, results.size());
    return failed == 0 ? 0 : 1;
  }
}
