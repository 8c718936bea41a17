package io.learnops.engine;

import io.learnops.engine.exporter.Exporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The standalone engine: {@code java -jar engine-standalone.jar [--grpc-port=26500]
 * [--rest-port=8080] [--management-port=9600] [--data-dir=./data/engine] [--bind-address=127.0.0.1] [--clock-controlled]}.
 * Stops cleanly on SIGTERM (a shutdown hook closes it; accepted commands are already durable).
 * {@code --clock-controlled} lets the management port move the engine's clock, as Camunda Process
 * Test does; use it for test engines only. The ports listen on 127.0.0.1 unless {@code
 * --bind-address} opens them (0.0.0.0 in a container).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "learnops-engine-logback.xml");
    }
    final EngineConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: java -jar engine-standalone.jar [--grpc-port=26500] [--rest-port=8080] [--management-port=9600] [--data-dir=./data/engine] [--bind-address=127.0.0.1] [--clock-controlled]");
      System.exit(2);
      return;
    }
    final Engine engine;
    try {
      engine = Engine.start(config.withExporters(pluggedInExporters()));
    } catch (Exception e) {
      LoggerFactory.getLogger(Main.class).error("The engine could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "learnops-engine-shutdown"));
    stopped.await();
  }

  /**
   * Exporters on the class path: a jar beside the engine that names its class in
   * {@code META-INF/services/io.learnops.engine.exporter.Exporter} (run the engine with
   * {@code java -cp engine-standalone.jar:my-exporter.jar io.learnops.engine.Main}).
   */
  static List<Exporter> pluggedInExporters() {
    final List<Exporter> exporters = new ArrayList<>();
    ServiceLoader.load(Exporter.class).forEach(exporter -> {
      LoggerFactory.getLogger(Main.class).info("Exporter {} ({}) found on the class path", exporter.id(),
          exporter.getClass().getName());
      exporters.add(exporter);
    });
    return exporters;
  }

  static EngineConfig parse(String[] args) {
    EngineConfig config = EngineConfig.defaults();
    for (final String arg : args) {
      if (arg.equals("--clock-controlled")) {
        config = config.withClockControlled(true);
        continue;
      }
      final int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      final String name = arg.substring(2, eq);
      final String value = arg.substring(eq + 1);
      config = switch (name) {
        case "grpc-port" -> config.withPorts(port(name, value), config.restPort(), config.managementPort());
        case "rest-port" -> config.withPorts(config.grpcPort(), port(name, value), config.managementPort());
        case "management-port" -> config.withPorts(config.grpcPort(), config.restPort(), port(name, value));
        case "data-dir" -> config.withDataDir(Path.of(value));
        case "bind-address" -> config.withBindAddress(value);
        case "clock-controlled" -> config.withClockControlled(bool(name, value));
        default -> throw new IllegalArgumentException("unknown option '--" + name + "'");
      };
    }
    return config;
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("--%s must be true or false, but was '%s'".formatted(name, value));
    };
  }

  private static int port(String name, String value) {
    try {
      final int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--%s must be a port number (0-65535), but was '%s'".formatted(name, value));
    }
  }
}
