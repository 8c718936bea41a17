package io.learnops.connectors.hris.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScimFilterTest {

  @Test
  void values_are_quoted_and_escaped_so_they_cannot_change_the_expression() {
    ScimFilter filter = ScimFilter.eq("userName", "a\" or userName pr or \"\\");

    assertThat(filter.expression())
        .isEqualTo("userName eq \"a\\\" or userName pr or \\\"\\\\\"");
  }

  @Test
  void operators_combine_with_parentheses() {
    ScimFilter filter = ScimFilter.not(ScimFilter.present("title"))
        .or(ScimFilter.sw("name.familyName", "Ho").and(ScimFilter.gt("meta.lastModified",
            "2026-03-01T00:00:00Z")));

    assertThat(filter.expression()).isEqualTo("(not (title pr)) or ((name.familyName sw \"Ho\")"
        + " and (meta.lastModified gt \"2026-03-01T00:00:00Z\"))");
  }

  @Test
  void an_attribute_path_with_spaces_is_refused() {
    assertThatThrownBy(() -> ScimFilter.eq("userName pr or x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
