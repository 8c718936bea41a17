package io.learnops.bench;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs the two ends of an instance's life without create-with-result: the create response,
 * which carries the instance key and the time the create command was sent, and the acknowledged
 * completion of the instance's last job, after which the engine has completed the instance. They
 * arrive on different client threads and in either order (a streamed job can overtake the create
 * response), so whichever comes second finishes the instance.
 */
final class CompletionTracker {

  private final ConcurrentHashMap<Long, End> waiting = new ConcurrentHashMap<>();

  void created(long processInstanceKey, Phase phase, long sentNanos) {
    meet(processInstanceKey, new End(phase, sentNanos, true));
  }

  void lastJobCompleted(long processInstanceKey, long completedNanos, boolean succeeded) {
    meet(processInstanceKey, new End(null, completedNanos, succeeded));
  }

  private void meet(long processInstanceKey, End end) {
    final End[] other = new End[1];
    waiting.compute(processInstanceKey, (key, first) -> {
      if (first == null) {
        return end;
      }
      other[0] = first;
      return null;
    });
    if (other[0] != null) {
      finish(end.isStart() ? end : other[0], end.isStart() ? other[0] : end);
    }
  }

  private static void finish(End start, End completion) {
    if (completion.succeeded()) {
      start.phase().completed(start.nanos(), completion.nanos());
    } else {
      start.phase().failed();
    }
  }

  /** @param phase set on the start end only, which is the one that knows its phase */
  private record End(Phase phase, long nanos, boolean succeeded) {
    boolean isStart() {
      return phase != null;
    }
  }
}
