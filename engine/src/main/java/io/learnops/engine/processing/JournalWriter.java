package io.learnops.engine.processing;

import io.learnops.engine.api.Rejection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes processed batches durable on its own thread, so the processor works on the next batch
 * while this one is written and fsynced (pipelined group commit). Batches are committed in order;
 * several waiting batches share one fsync. Only after the fsync does it run the batch's answers —
 * no caller hears back before its command is on disk — and store the snapshot taken at the
 * batch's end, so a snapshot never gets ahead of the journal, nor of the exporters.
 */
final class JournalWriter {

  private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
  /** How far the processor may run ahead of the disk before it waits (back-pressure). */
  private static final int MAX_PENDING_BATCHES = 8;
  /** Compared by identity: a record equals every other empty batch. */
  private static final Batch STOP = new Batch(List.of(), List.of(), Optional.empty(), List.of());
  /** Compared by identity: asks to be told once everything before it is written. */
  private static final Batch FLUSH = new Batch(List.of(), List.of(), Optional.empty(), List.of());

  private final DurableLog log;
  private final Runnable onFailure;
  private final BlockingQueue<Batch> pending = new ArrayBlockingQueue<>(MAX_PENDING_BATCHES);
  private final Thread thread = new Thread(this::run, "learnops-engine-journal-writer");
  /** One thread, so answers keep the order of their commands; the writer goes back to the disk. */
  private final ExecutorService answers = Executors.newSingleThreadExecutor(runnable -> {
    final Thread answering = new Thread(runnable, "learnops-engine-answers");
    answering.setDaemon(true);
    return answering;
  });
  private volatile boolean failed;
  private volatile CountDownLatch flushed = new CountDownLatch(0);
  private final AtomicLong snapshotFailures = new AtomicLong();

  /**
   * @param onFailure called once if the journal cannot be written; the callers of the failed and
   *     of all later batches are told UNAVAILABLE, and the engine must stop
   */
  JournalWriter(DurableLog log, Runnable onFailure) {
    this.log = log;
    this.onFailure = onFailure;
  }

  /**
   * @param entries encoded journal entries, in processing order
   * @param onDurable answers and notifications, run after the entries are fsynced
   * @param snapshot the state at the end of this batch, to store once the batch is durable
   * @param callers the futures {@code onDurable} would complete: failed instead if the batch
   *     never becomes durable, so that no caller waits for an answer that cannot come
   */
  record Batch(List<byte[]> entries, List<Runnable> onDurable, Optional<DurableLog.StoredSnapshot> snapshot,
      List<CompletableFuture<?>> callers) {

    void refuse() {
      final Rejection lost = new Rejection(Rejection.Type.UNAVAILABLE,
          "The engine stopped: its journal could not be written, so the command may not have been applied; see its log");
      callers.forEach(caller -> caller.completeExceptionally(lost));
    }
  }

  void start() {
    thread.start();
  }

  /** Queues a batch; waits while the disk is {@value #MAX_PENDING_BATCHES} batches behind. */
  void submit(Batch batch) throws InterruptedException {
    if (failed) {
      batch.refuse();
      return;
    }
    pending.put(batch);
    if (failed) {
      // the writer failed while this batch was being queued and will never take it
      refusePending();
    }
  }

  /**
   * Waits until every batch submitted so far is written, its snapshot stored and the journal
   * compacted, so that the journal can be read back. Called only by the thread that submits.
   */
  void awaitWritten() throws InterruptedException {
    if (!thread.isAlive()) {
      return;
    }
    final CountDownLatch latch = new CountDownLatch(1);
    flushed = latch;
    pending.put(FLUSH);
    while (!latch.await(100, TimeUnit.MILLISECONDS)) {
      if (failed || !thread.isAlive()) {
        return;
      }
    }
  }

  boolean isHealthy() {
    return !failed && thread.isAlive();
  }

  /** Writes everything submitted so far, then stops. */
  void stop() throws InterruptedException {
    if (thread.isAlive()) {
      pending.put(STOP);
      thread.join();
    }
    answers.shutdown();
    answers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void run() {
    final List<Batch> batches = new ArrayList<>();
    while (true) {
      try {
        batches.add(pending.take());
        pending.drainTo(batches);
        final boolean stop = batches.removeIf(batch -> batch == STOP);
        final boolean flush = batches.removeIf(batch -> batch == FLUSH);
        write(batches);
        batches.clear();
        if (flush) {
          flushed.countDown();
        }
        if (stop) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | IOException e) {
        LOG.error("The engine stopped: its journal could not be written under the data directory", e);
        failed = true;
        batches.forEach(Batch::refuse);
        refusePending();
        onFailure.run();
        return;
      }
    }
  }

  private void write(List<Batch> batches) throws IOException {
    boolean appended = false;
    for (final Batch batch : batches) {
      for (final byte[] entry : batch.entries()) {
        log.append(entry);
        appended = true;
      }
    }
    if (appended) {
      log.commit();
    }
    final List<Runnable> durable = new ArrayList<>();
    batches.forEach(batch -> durable.addAll(batch.onDurable()));
    final Future<?> exported = answers.submit(() -> durable.forEach(JournalWriter::runQuietly));
    for (final Batch batch : batches) {
      if (batch.snapshot().isPresent()) {
        // exporters are handed a batch's records with its answers; a snapshot may be stored only
        // once they have them all, since a restart replays only the records after it
        awaitExports(exported);
        store(batch.snapshot().get());
      }
    }
  }

  /**
   * A snapshot that cannot be stored leaves the last good one in place (it is written to a
   * temporary file first); the journal after it is intact, so the engine goes on.
   */
  private void store(DurableLog.StoredSnapshot snapshot) {
    try {
      log.writeSnapshot(snapshot.position(), snapshot.state());
    } catch (IOException | RuntimeException e) {
      snapshotFailures.incrementAndGet();
      LOG.error("Could not store the snapshot at journal position {}; the last snapshot stays", snapshot.position(), e);
    }
  }

  long snapshotFailures() {
    return snapshotFailures.get();
  }

  private static void awaitExports(Future<?> exported) throws IOException {
    try {
      exported.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the exporters caught up with a snapshot", e);
    } catch (ExecutionException e) {
      throw new IOException("the exporters could not catch up with a snapshot", e.getCause());
    }
  }

  private void refusePending() {
    final List<Batch> never = new ArrayList<>();
    pending.drainTo(never);
    never.forEach(Batch::refuse);
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("Answering a caller failed", e);
    }
  }
}
