package io.learnops.workers.intake;

import io.learnops.workers.ports.ProgramRegistry.ProgramSummary;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How alike two requests are, 0..1: 0.5 × word overlap of the titles (Jaccard), 0.3 for the same
 * topic, 0.2 for the same audience criteria (case and spacing ignored). A program with the same
 * topic and the same audience is a duplicate; the most similar one is reported. Programs from
 * 0.3 up are listed as similar, best first, at most five.
 */
final class DuplicateMatcher {

  static final double SIMILAR_FROM = 0.3;
  static final int MAX_SIMILAR = 5;

  private DuplicateMatcher() {
  }

  record Match(ProgramSummary program, double similarity, boolean duplicate) {
  }

  static List<Match> matches(String title, String topic, Object audience,
      List<ProgramSummary> open) {
    return open.stream()
        .map(p -> match(title, topic, audience, p))
        .filter(m -> m.similarity() >= SIMILAR_FROM)
        .sorted(Comparator.comparingDouble(Match::similarity).reversed()
            .thenComparing(m -> m.program().programId()))
        .limit(MAX_SIMILAR)
        .toList();
  }

  static Optional<Match> duplicate(List<Match> matches) {
    return matches.stream().filter(Match::duplicate).findFirst();
  }

  private static Match match(String title, String topic, Object audience, ProgramSummary p) {
    boolean sameTopic = !normal(topic).isEmpty() && normal(topic).equals(normal(p.topic()));
    boolean sameAudience = !normal(audience).isEmpty()
        && normal(audience).equals(normal(p.audienceCriteria()));
    double similarity = 0.5 * jaccard(words(title), words(p.title())) + (sameTopic ? 0.3 : 0)
        + (sameAudience ? 0.2 : 0);
    return new Match(p, Math.round(similarity * 100) / 100.0, sameTopic && sameAudience);
  }

  private static String normal(Object value) {
    return value == null ? ""
        : value.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  private static Set<String> words(String text) {
    return Arrays.stream(normal(text).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() > 1).collect(Collectors.toSet());
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    Set<String> any = new HashSet<>(a);
    any.addAll(b);
    return (double) both.size() / any.size();
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(normal(a), normal(b));
  }
}
