package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One journal file. Its name carries the position of its first record, zero-padded so that the
 * names sort in position order and a missing segment shows as a gap between two names.
 */
record Segment(Path file, long firstPosition) {

  private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.log");

  static Segment in(Path dir, long firstPosition) {
    final String name = String.format("journal-%020d.log", firstPosition);
    return new Segment(dir.resolve(name), firstPosition);
  }

  /** The segments in {@code dir}, oldest first; files with other names are not the journal's. */
  static List<Segment> listIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(Segment::parse)
          .flatMap(Optional::stream)
          .sorted(Comparator.comparingLong(Segment::firstPosition))
          .toList();
    }
  }

  private static Optional<Segment> parse(Path file) {
    final Matcher name = NAME.matcher(file.getFileName().toString());
    return name.matches()
        ? Optional.of(new Segment(file, Long.parseLong(name.group(1))))
        : Optional.empty();
  }
}
