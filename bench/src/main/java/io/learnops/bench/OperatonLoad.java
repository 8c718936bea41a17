package io.learnops.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

/**
 * One process on the Operaton peer, loaded as our scenarios load our engine: instances started
 * with {@link RuntimeService#startProcessInstanceByKey}, and one external-task worker through the
 * Java API that fetches and locks tasks on one thread and completes each on a pool of handler
 * threads, as the Camunda client's job worker activates jobs and hands them to its handler threads.
 */
final class OperatonLoad implements LoadTarget, AutoCloseable {

  /**
   * Tasks per fetch at most. It needs no cap by free capacity (our workers' {@code maxJobsActive}
   * is the in-flight bound too): each instance has one task at a time, so the phase's in-flight
   * bound already bounds the tasks, and a fetch capped at the few slots just freed would fetch one
   * task at a time while more wait.
   */
  static final int MAX_TASKS = 100;
  /** the lock a fetch takes on its tasks, the Camunda external task client's default */
  static final long LOCK_MILLIS = 20_000;
  /** how long the fetcher waits after an empty fetch: the Java API has no long polling */
  static final long IDLE_PAUSE_MILLIS = 5;
  private static final String WORKER_ID = "bench-operaton";

  private final RuntimeService runtime;
  private final ExternalTaskService externalTasks;
  private final BenchProcess process;
  private final CompletionTracker tracker = new CompletionTracker();
  private final Failures failures;
  // the synchronous start runs here, so the load loop keeps its schedule as with the async client
  private final ExecutorService starters;
  private final ExecutorService handlers;
  private final Thread fetcher;
  // the phase whose load runs now; a task's round trip counts there (phases are drained in between)
  private volatile Phase current;
  private volatile boolean running = true;

  OperatonLoad(ProcessEngine engine, BenchProcess process, int threads, Failures failures) {
    this.runtime = engine.getRuntimeService();
    this.externalTasks = engine.getExternalTaskService();
    this.process = process;
    this.failures = failures;
    this.starters = Executors.newFixedThreadPool(threads, named("operaton-start"));
    this.handlers = Executors.newFixedThreadPool(threads, named("operaton-handler"));
    this.fetcher = named("operaton-fetch").newThread(this::fetchLoop);
    fetcher.start();
  }

  @Override
  public void start(Phase phase, long sentNanos) {
    current = phase;
    starters.execute(() -> {
      final long callNanos = System.nanoTime();
      try {
        final String id = runtime.startProcessInstanceByKey(process.processId()).getId();
        phase.createAcknowledged(System.nanoTime() - callNanos);
        tracker.created(instanceKey(id), phase, sentNanos);
      } catch (RuntimeException e) {
        failures.record(e);
        phase.failed();
      }
    });
  }

  private void fetchLoop() {
    while (running) {
      final List<LockedExternalTask> tasks;
      try {
        tasks = externalTasks.fetchAndLock(MAX_TASKS, WORKER_ID).topic(process.jobType(), LOCK_MILLIS).execute();
      } catch (RuntimeException e) {
        failures.record(e);
        pause();
        continue;
      }
      for (final LockedExternalTask task : tasks) {
        handlers.execute(() -> complete(task));
      }
      if (tasks.isEmpty()) {
        pause();
      }
    }
  }

  private void complete(LockedExternalTask task) {
    final Phase phase = current;
    final boolean last = process.lastTaskId().equals(task.getActivityId());
    final long callNanos = System.nanoTime();
    boolean succeeded = true;
    try {
      externalTasks.complete(task.getId(), WORKER_ID);
      if (phase != null) {
        phase.completeAcknowledged(System.nanoTime() - callNanos);
      }
    } catch (RuntimeException e) {
      failures.record(e);
      succeeded = false;
    }
    if (last) {
      tracker.lastJobCompleted(instanceKey(task.getProcessInstanceId()), System.nanoTime(), succeeded);
    }
  }

  /** The tracker pairs by long keys; Operaton's default id generator hands out decimal numbers. */
  private static long instanceKey(String processInstanceId) {
    return Long.parseLong(processInstanceId);
  }

  private static void pause() {
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_PAUSE_MILLIS));
  }

  private static ThreadFactory named(String name) {
    final AtomicInteger count = new AtomicInteger();
    return runnable -> {
      final Thread thread = new Thread(runnable, name + "-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    fetcher.join();
    starters.shutdown();
    handlers.shutdown();
    starters.awaitTermination(30, TimeUnit.SECONDS);
    handlers.awaitTermination(30, TimeUnit.SECONDS);
  }
}
