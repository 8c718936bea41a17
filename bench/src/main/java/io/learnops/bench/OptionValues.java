package io.learnops.bench;

/** Parsing of the numbers the bench's command-line modes take. */
final class OptionValues {

  private OptionValues() {}

  /** @param option how the error names the option, e.g. {@code --seconds} */
  static int positive(String option, String value) {
    try {
      final int number = Integer.parseInt(value);
      if (number <= 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("%s must be a positive number, but was '%s'".formatted(option, value));
    }
  }
}
