package io.learnops.sandbox.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.sandbox.org.DemoEmployee;
import io.learnops.sandbox.org.Department;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimFilterParserTest {

  private static final DemoEmployee ADA = new DemoEmployee("id-1", "E10002", "Ada", "O\"Neil",
      "ada.oneil@acme.example", "Account Executive", Department.all().get(1), true,
      Optional.of("id-0"), Optional.of("Ben Boss"));

  @Test
  void and_binds_tighter_than_or() {
    // false and false or true: true only when 'and' is evaluated first
    assertThat(matches("title eq \"x\" and active eq false or userName sw \"ada\"")).isTrue();
    assertThat(matches("title eq \"x\" and (active eq false or userName sw \"ada\")")).isFalse();
  }

  @Test
  void quoted_values_are_unescaped() {
    assertThat(matches("name.familyName eq \"O\\\"Neil\"")).isTrue();
  }

  @Test
  void enterprise_attributes_with_or_without_the_schema_urn_and_in_any_case() {
    assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department "
        + "eq \"sales\"")).isTrue();
    assertThat(matches("DEPARTMENT eq \"Sales\"")).isTrue();
    assertThat(matches("manager.value eq \"id-0\"")).isTrue();
  }

  @Test
  void presence_negation_and_ordering_operators() {
    assertThat(matches("manager pr")).isTrue();
    assertThat(matches("not (manager pr)")).isFalse();
    assertThat(matches("employeeNumber gt \"E10001\" and employeeNumber le \"E10002\"")).isTrue();
    assertThat(matches("emails.value ew \"@acme.example\"")).isTrue();
  }

  @Test
  void malformed_filters_are_invalid_filter_errors() {
    for (String broken : new String[] {"userName eq", "userName eq \"open", "(active eq true",
        "userName like \"a\"", "active gt true", "userName eq bare"}) {
      assertThatThrownBy(() -> ScimFilterParser.parse(broken)).as(broken)
          .isInstanceOfSatisfying(ScimException.class,
              e -> assertThat(e.scimType()).contains("invalidFilter"));
    }
  }

  private static boolean matches(String filter) {
    return ScimFilterParser.parse(filter).test(ADA);
  }
}
