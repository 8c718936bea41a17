package io.learnops.bench;

/**
 * Options of the {@code waiting} scenario: {@code --waiting=N} instances left waiting at a message
 * catch (default 100,000), {@code --creates=N} creates measured for latency (2,000) at
 * {@code --create-rate=N}/s (200), and {@code --burst=N} messages per publishing burst (1,000).
 */
record WaitingOptions(int waiting, int creates, int createRate, int burst) {

  static final String SCENARIO = "waiting";
  static final String USAGE =
      "usage: java -jar bench.jar --scenario=waiting [--waiting=100000] [--creates=2000] [--create-rate=200] [--burst=1000]";

  static boolean wanted(String[] args) {
    for (final String arg : args) {
      if (arg.equals("--scenario=" + SCENARIO)) {
        return true;
      }
    }
    return false;
  }

  static WaitingOptions parse(String[] args) {
    WaitingOptions options = new WaitingOptions(100_000, 2_000, 200, 1_000);
    for (final String arg : args) {
      final int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      final String value = arg.substring(eq + 1);
      options = switch (arg.substring(2, eq)) {
        case "scenario" -> options;
        case "waiting" -> new WaitingOptions(OptionValues.positive(arg.substring(0, eq), value), options.creates, options.createRate, options.burst);
        case "creates" -> new WaitingOptions(options.waiting, OptionValues.positive(arg.substring(0, eq), value), options.createRate, options.burst);
        case "create-rate" -> new WaitingOptions(options.waiting, options.creates, OptionValues.positive(arg.substring(0, eq), value), options.burst);
        case "burst" -> new WaitingOptions(options.waiting, options.creates, options.createRate, OptionValues.positive(arg.substring(0, eq), value));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      };
    }
    return options;
  }

}
