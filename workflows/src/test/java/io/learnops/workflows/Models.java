package io.learnops.workflows;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed model files at the module's top, as process owners and the app see them. */
final class Models {

  static final Path DIR = Path.of(System.getProperty("user.dir"));
  static final List<String> PROCESSES =
      List.of("learning-program", "intake", "design", "review", "delivery", "evaluation");

  private Models() {}

  static List<Path> files(String extension) {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> templates() {
    try (Stream<Path> files = Files.list(DIR.resolve("element-templates"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BpmnModelInstance read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BpmnModelInstance process(String id) {
    return read(DIR.resolve(id + ".bpmn"));
  }

  static Path path(String file) {
    return DIR.resolve(file);
  }
}
