package io.learnops.engine.processing;

import io.learnops.engine.api.Rejection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Callers of user task commands waiting for their transition to take effect: at once without
 * task listeners, or after the last listener's job completed; a denial or the task's cancellation
 * answers with a rejection. Owned by the processing thread.
 */
final class UserTaskAnswers {

  private final Map<Long, CompletableFuture<Void>> waiting = new HashMap<>();

  void await(long userTaskKey, CompletableFuture<Void> answer) {
    waiting.put(userTaskKey, answer);
  }

  /** The transition of the task ended; the answer is sent once the batch is durable. */
  void ended(long userTaskKey, Optional<String> refusal, Consumer<Runnable> afterCommit) {
    final CompletableFuture<Void> answer = waiting.remove(userTaskKey);
    if (answer == null) {
      return;
    }
    afterCommit.accept(() -> refusal.ifPresentOrElse(
        reason -> answer.completeExceptionally(Rejection.invalidState(
            "Expected the user task command to take effect, but " + reason)),
        () -> answer.complete(null)));
  }

  void forget(CompletableFuture<Void> answer) {
    waiting.values().remove(answer);
  }
}
