package io.learnops.bench;

import org.HdrHistogram.Histogram;

/** The summary of one latency histogram that the tables print, in microseconds. */
record Percentiles(long p50, long p95, long p99, long max) {

  static Percentiles of(Histogram histogram) {
    return new Percentiles(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
        histogram.getValueAtPercentile(99), histogram.getMaxValue());
  }

  static String millis(long micros) {
    return "%.1f".formatted(micros / 1000.0);
  }
}
