package io.learnops.engine.read.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.api.Rejection;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** Filtering, sorting and paging on plain records, without an engine. */
class SearchTest {

  record Course(long key, String title, int seats, long endDate) {}

  private static final Schema<Course> SCHEMA = Schema.<Course>of("courses", Course::key)
      .key("courseKey", Course::key)
      .string("title", Course::title)
      .integer("seats", Course::seats)
      .date("endDate", Course::endDate);

  private static final List<Course> COURSES = List.of(
      new Course(1, "BPMN basics", 20, -1),
      new Course(2, "BPMN advanced", 10, 1_767_600_000_000L),
      new Course(3, "DMN basics", 30, 1_767_700_000_000L),
      new Course(4, "FEEL*", 5, -1));

  @Test
  void likeMatchesWildcardsAndEscapedWildcards() {
    assertThat(keys("{\"filter\":{\"title\":{\"$like\":\"BPMN *\"}}}")).containsExactly(1L, 2L);
    assertThat(keys("{\"filter\":{\"title\":{\"$like\":\"?MN basics\"}}}")).containsExactly(3L);
    assertThat(keys("{\"filter\":{\"title\":{\"$like\":\"*MN basics\"}}}")).containsExactly(1L, 3L);
    assertThat(keys("{\"filter\":{\"title\":{\"$like\":\"FEEL\\\\*\"}}}")).containsExactly(4L);
  }

  @Test
  void rangesExistenceAndListsCombine() {
    assertThat(keys("{\"filter\":{\"seats\":{\"$gte\":10,\"$lt\":30}}}")).containsExactly(1L, 2L);
    assertThat(keys("{\"filter\":{\"endDate\":{\"$exists\":true,\"$lte\":\"2026-01-05T08:00:00Z\"}}}"))
        .containsExactly(2L);
    assertThat(keys("{\"filter\":{\"courseKey\":{\"$notIn\":[\"1\",\"2\"],\"$in\":[]}}}")).containsExactly(3L, 4L);
    assertThat(keys("{\"filter\":{\"title\":{\"$neq\":\"DMN basics\"},\"seats\":20}}")).containsExactly(1L);
  }

  @Test
  void sortsByEachCriterionThenByKey() {
    assertThat(keys("{\"sort\":[{\"field\":\"endDate\",\"order\":\"DESC\"},{\"field\":\"seats\"}]}"))
        .containsExactly(3L, 2L, 4L, 1L);
  }

  @Test
  void cursorsContinueWhereThePreviousPageEnded() {
    final SearchResult<Course> first = search("{\"page\":{\"limit\":3}}");
    final SearchResult<Course> next = search("{\"page\":{\"limit\":3,\"after\":\"" + first.endCursor() + "\"}}");
    final SearchResult<Course> back = search("{\"page\":{\"limit\":1,\"before\":\"" + next.startCursor() + "\"}}");

    assertThat(first.items()).extracting(Course::key).containsExactly(1L, 2L, 3L);
    assertThat(first.totalItems()).isEqualTo(4);
    assertThat(next.items()).extracting(Course::key).containsExactly(4L);
    assertThat(back.items()).extracting(Course::key).containsExactly(3L);
  }

  @Test
  void unknownFieldsOperatorsAndBadValuesAreRejectedByName() {
    assertThatThrownBy(() -> search("{\"filter\":{\"teacher\":\"ada\"}}"))
        .isInstanceOf(Rejection.class).hasMessageContaining("'teacher'");
    assertThatThrownBy(() -> search("{\"filter\":{\"title\":{\"$regex\":\".*\"}}}"))
        .isInstanceOf(Rejection.class).hasMessageContaining("'$regex'").hasMessageContaining("'title'");
    assertThatThrownBy(() -> search("{\"filter\":{\"title\":{\"$gt\":\"B\"}}}"))
        .isInstanceOf(Rejection.class).hasMessageContaining("'$gt'");
    assertThatThrownBy(() -> search("{\"filter\":{\"endDate\":{\"$gt\":\"yesterday\"}}}"))
        .isInstanceOf(Rejection.class).hasMessageContaining("'endDate'");
    assertThatThrownBy(() -> search("{\"page\":{\"after\":\"bm90LWEta2V5\"}}"))
        .isInstanceOf(Rejection.class).hasMessageContaining("page.after");
  }

  @Test
  void anEqualityOnAnIndexedFieldReadsOnlyTheIndexedEntries() {
    final Searchable<Course> byTitle = new Searchable<>() {
      @Override
      public Collection<Course> all() {
        throw new AssertionError("scanned although 'title' is indexed");
      }

      @Override
      public Optional<Course> get(long key) {
        return COURSES.stream().filter(c -> c.key() == key).findFirst();
      }

      @Override
      public Optional<FieldType> indexType(String field) {
        return field.equals("title") ? Optional.of(FieldType.STRING) : Optional.empty();
      }

      @Override
      public Keys keysWhere(String field, Object value) {
        final long[] keys = COURSES.stream().filter(c -> c.title().equals(value)).mapToLong(Course::key).toArray();
        return new Keys() {
          @Override
          public int size() {
            return keys.length;
          }

          @Override
          public boolean contains(long key) {
            return Arrays.stream(keys).anyMatch(k -> k == key);
          }

          @Override
          public void forEach(LongConsumer action) {
            Arrays.stream(keys).forEach(action);
          }
        };
      }
    };

    assertThat(Search.run(byTitle, json("{\"filter\":{\"title\":{\"$in\":[\"DMN basics\",\"FEEL*\"]},\"seats\":{\"$gt\":10}}}"),
        SCHEMA).items()).extracting(Course::key).containsExactly(3L);
    assertThat(Search.run(byTitle, json("{\"filter\":{\"title\":\"BPMN basics\"}}"), SCHEMA).totalItems()).isEqualTo(1);
  }

  private static List<Long> keys(String request) {
    return search(request).items().stream().map(Course::key).toList();
  }

  private static SearchResult<Course> search(String request) {
    return Search.run(COURSES, json(request), SCHEMA);
  }

  private static JsonNode json(String request) {
    try {
      return new ObjectMapper().readTree(request);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
