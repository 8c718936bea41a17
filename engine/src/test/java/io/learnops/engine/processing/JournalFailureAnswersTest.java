package io.learnops.engine.processing;

import io.learnops.engine.bpmn.ProcessingFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnops.engine.EngineClock;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.exporter.ExporterDirector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A command whose batch never reaches the disk is still answered: UNAVAILABLE, never silence. */
class JournalFailureAnswersTest {

  private final FailingLog log = new FailingLog();
  private final CommandProcessor processor = new CommandProcessor(log, EngineClock.system(), 100_000,
      new ExporterDirector(List.of(), new SimpleMeterRegistry()), ProcessingFault.NONE);

  @AfterEach
  void stop() {
    log.diskGivesUp.countDown();
    processor.close();
  }

  @Test
  void commandsQueuedBehindAFailedJournalWriteAreAnsweredUnavailable() throws Exception {
    processor.start();
    final CompletableFuture<Object> first = processor.submit(new EngineCommand.Purge());
    await().until(() -> log.writing);
    // processed and handed to the writer while it is stuck on the first batch
    final CompletableFuture<Object> second = processor.submit(new EngineCommand.Purge());
    processor.read(state -> true).join();
    processor.read(state -> true).join();

    log.diskGivesUp.countDown();

    await().until(() -> first.isDone() && second.isDone());
    assertThat(rejectionOf(first).type()).isEqualTo(Rejection.Type.UNAVAILABLE);
    assertThat(rejectionOf(second).type()).isEqualTo(Rejection.Type.UNAVAILABLE);
  }

  private static Rejection rejectionOf(CompletableFuture<Object> answer) throws InterruptedException {
    try {
      answer.get(0, TimeUnit.SECONDS);
      throw new AssertionError("expected a rejection, but the command was answered with success");
    } catch (ExecutionException e) {
      return (Rejection) e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not answered", e);
    }
  }

  /** A disk whose first commit hangs until the test lets it fail, as a dying disk does. */
  private static final class FailingLog implements DurableLog {
    final CountDownLatch diskGivesUp = new CountDownLatch(1);
    volatile boolean writing;
    private long position;

    @Override
    public long append(byte[] entry) {
      return ++position;
    }

    @Override
    public void commit() {
      writing = true;
      try {
        diskGivesUp.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new UncheckedIOException(new IOException("No space left on device"));
    }

    @Override
    public long lastPosition() {
      return position;
    }

    @Override
    public void replay(long afterPosition, EntryConsumer consumer) {}

    @Override
    public Optional<StoredSnapshot> latestSnapshot() {
      return Optional.empty();
    }

    @Override
    public void writeSnapshot(long position, byte[] state) {}

    @Override
    public void close() {}
  }
}
