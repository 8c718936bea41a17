package io.learnops.engine.exporter;

import io.learnops.engine.record.Record;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the record stream to the exporters, one after the other, each in position order. Owned
 * by one thread at a time: the processing thread while the journal is replayed at start, then
 * the thread that answers callers after each group commit.
 */
public final class ExporterDirector {

  private static final Logger LOG = LoggerFactory.getLogger(ExporterDirector.class);

  private final List<Exporter> exporters;
  private final List<Counter> failures;

  public ExporterDirector(List<Exporter> exporters, MeterRegistry registry) {
    this.exporters = List.copyOf(exporters);
    this.failures = this.exporters.stream()
        .map(exporter -> Counter.builder("learnops.engine.exporter.failures")
            .description("records an exporter failed to export")
            .tag("exporter", exporter.id())
            .register(registry))
        .toList();
  }

  /** Opens every exporter; the records that follow have positions above {@code position}. */
  public void open(long position) {
    exporters.forEach(exporter -> exporter.open(position));
  }

  public void export(List<Record<?>> records) {
    for (final Record<?> record : records) {
      for (int i = 0; i < exporters.size(); i++) {
        exportOne(i, record);
      }
    }
  }

  private void exportOne(int index, Record<?> record) {
    try {
      exporters.get(index).export(record);
    } catch (RuntimeException e) {
      failures.get(index).increment();
      LOG.error("Exporter {} failed on record {}; it gets the next record", exporters.get(index).id(), record, e);
    }
  }

  public void close() {
    for (final Exporter exporter : exporters) {
      try {
        exporter.close();
      } catch (RuntimeException e) {
        LOG.warn("Exporter {} failed to close", exporter.id(), e);
      }
    }
  }
}
