package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.ProcessInstanceCreated;
import io.learnops.engine.api.EngineApi.ProcessInstanceResult;
import io.learnops.engine.api.Rejection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Callers of create-with-result, waiting for their instance to end. Processor thread only. */
final class InstanceResults {

  private final Map<Long, Waiter> waiters = new HashMap<>();

  void await(ProcessInstanceCreated instance, List<String> fetchVariables, CompletableFuture<ProcessInstanceResult> future) {
    waiters.put(instance.processInstanceKey(), new Waiter(instance, fetchVariables, future));
  }

  void forget(CompletableFuture<ProcessInstanceResult> future) {
    waiters.values().removeIf(w -> w.future == future);
  }

  void completed(long processInstanceKey, Map<String, Object> variables, Consumer<Runnable> afterCommit) {
    final Waiter waiter = waiters.remove(processInstanceKey);
    if (waiter != null) {
      final Map<String, Object> fetched = waiter.fetch(variables);
      afterCommit.accept(() -> waiter.future.complete(new ProcessInstanceResult(waiter.instance, fetched)));
    }
  }

  void terminated(long processInstanceKey, Consumer<Runnable> afterCommit) {
    final Waiter waiter = waiters.remove(processInstanceKey);
    if (waiter != null) {
      afterCommit.accept(() -> waiter.future.completeExceptionally(Rejection.invalidState(
          "Expected the process instance %d to complete, but it was terminated".formatted(processInstanceKey))));
    }
  }

  private record Waiter(ProcessInstanceCreated instance, List<String> fetchVariables,
      CompletableFuture<ProcessInstanceResult> future) {
    Map<String, Object> fetch(Map<String, Object> variables) {
      if (fetchVariables == null || fetchVariables.isEmpty()) {
        return variables;
      }
      final Map<String, Object> fetched = new LinkedHashMap<>();
      fetchVariables.stream().filter(variables::containsKey).forEach(n -> fetched.put(n, variables.get(n)));
      return fetched;
    }
  }
}
