package io.learnops.engine;

import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.record.Record;

/**
 * An exporter the standalone engine finds on the class path (listed in this module's test
 * resources under {@code META-INF/services}); it counts nothing and keeps nothing, so every test
 * engine started through {@link Main} may carry it.
 */
public final class ServiceLoadedExporter implements Exporter {

  @Override
  public void export(Record<?> record) {}
}
