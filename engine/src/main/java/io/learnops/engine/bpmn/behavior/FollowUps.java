package io.learnops.engine.bpmn.behavior;

import java.util.ArrayDeque;

/**
 * Work a command still owes before it ends: a taken sequence flow activating its target, a link
 * event jumping to its catch event, a buffered message reaching a subscription that just opened.
 * It is queued and run to the end within the command, breadth-first, so long chains of automatic
 * elements never grow the stack and the order of records is the order in which Zeebe writes them.
 */
public final class FollowUps {

  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

  public void add(Runnable work) {
    queue.add(work);
  }

  /** Runs the queue empty, including whatever the queued work adds. */
  public void runAll() {
    Runnable next;
    while ((next = queue.poll()) != null) {
      next.run();
    }
  }
}
