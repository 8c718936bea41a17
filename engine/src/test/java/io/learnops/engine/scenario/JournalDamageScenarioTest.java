package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damages the journal of a killed standalone engine the way crashes and bad disks do, then starts
 * it again. A torn tail (what a crash during a commit leaves) is cut off with a warning; damage to
 * records before it stops the engine without touching the files.
 */
class JournalDamageScenarioTest {

  /** magic, version, payload length, position, checksum: see the journal's {@code Frame}. */
  private static final int FRAME_HEADER_BYTES = 1 + 1 + Integer.BYTES + Long.BYTES + Integer.BYTES;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Transport.class)
  void garbageAfterTheLastRecordIsCutOffWithAWarningAndNothingAcknowledgedIsLost(Transport transport)
      throws Exception {
    try (StandaloneEngineProcess engine = engine()) {
      // given acknowledged instances and an engine killed with SIGKILL
      engine.start();
      final Set<Long> acknowledged = startInstances(engine, transport);
      engine.kill();

      // when the newest segment ends in a few bytes of garbage
      final Path segment = newestSegment();
      final long intactBytes = Files.size(segment);
      Files.write(segment, new byte[] {0x13, 0x37, 0x00, 0x7f, 0x2a}, StandardOpenOption.APPEND);

      // then the engine starts, says what it cut off, and has every acknowledged instance
      engine.start();
      assertThat(warnings(engine)).singleElement().asString()
          .contains(segment.toString(), "torn tail", "byte offset " + intactBytes);
      assertThat(Files.size(segment)).isEqualTo(intactBytes);
      assertThat(instancesWaitingForWork(engine, transport, acknowledged.size())).isEqualTo(acknowledged);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLastRecordCutShortIsCutOffWithAWarningAndNothingAcknowledgedBeforeItIsLost(Transport transport)
      throws Exception {
    try (StandaloneEngineProcess engine = engine()) {
      // given acknowledged instances, then one more command whose commit the crash tears
      engine.start();
      final Set<Long> acknowledged = startInstances(engine, transport);
      try (CamundaClient client = engine.connect(transport)) {
        client.newPublishMessageCommand().messageName("in-flight").correlationKey("torn")
            .timeToLive(Duration.ofHours(1)).send().join();
      }
      engine.kill();

      // when that last record is cut off in the middle of its payload
      final Path segment = newestSegment();
      final long lastRecord = frameOffsets(segment).get(frameOffsets(segment).size() - 1);
      truncate(segment, lastRecord + FRAME_HEADER_BYTES + 3);

      // then the engine starts from the records before it, saying what it cut off
      engine.start();
      assertThat(warnings(engine)).singleElement().asString()
          .contains(segment.toString(), "torn tail", "byte offset " + lastRecord);
      assertThat(Files.size(segment)).isEqualTo(lastRecord);
      assertThat(instancesWaitingForWork(engine, transport, acknowledged.size())).isEqualTo(acknowledged);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDamagedRecordInTheMiddleStopsTheEngineNamingTheFileAndChangesNoFile(Transport transport)
      throws Exception {
    try (StandaloneEngineProcess engine = engine()) {
      // given acknowledged instances and an engine killed with SIGKILL
      engine.start();
      startInstances(engine, transport);
      engine.kill();

      // when a byte of a record in the middle of the journal flips
      final Path segment = newestSegment();
      final List<Long> frames = frameOffsets(segment);
      flipByte(segment, frames.get(frames.size() / 2) + FRAME_HEADER_BYTES);
      final Map<Path, byte[]> damaged = contentsOf(dir.resolve("data"));

      // then the engine refuses to start, names the file, and leaves every file as it was
      final int exitCode = engine.startExpectingExit();
      assertThat(exitCode).isNotZero();
      assertThat(engine.logLines()).anySatisfy(line -> assertThat(line)
          .contains("Journal file " + segment, "is corrupted", "Nothing was truncated"));
      assertThat(contentsOf(dir.resolve("data")))
          .containsOnlyKeys(damaged.keySet())
          .allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(damaged.get(file)));
    }
  }

  private StandaloneEngineProcess engine() throws IOException {
    return new StandaloneEngineProcess(dir.resolve("data"), dir.resolve("engine.log"));
  }

  /** Five instances, each waiting at a job; returns their keys. */
  private static Set<Long> startInstances(StandaloneEngineProcess engine, Transport transport) {
    try (CamundaClient client = engine.connect(transport)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("course").startEvent()
          .serviceTask("enrol", t -> t.zeebeJobType("enrol")).endEvent().done(), "course.bpmn").send().join();
      final Set<Long> keys = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        keys.add(client.newCreateInstanceCommand().bpmnProcessId("course").latestVersion().send().join()
            .getProcessInstanceKey());
      }
      return keys;
    }
  }

  /** The instances whose job a worker can take now; waits until {@code expected} are seen. */
  private static Set<Long> instancesWaitingForWork(StandaloneEngineProcess engine, Transport transport, int expected) {
    try (CamundaClient client = engine.connect(transport)) {
      final Set<Long> seen = new HashSet<>();
      await().until(() -> {
        client.newActivateJobsCommand().jobType("enrol").maxJobsToActivate(expected + 1)
            .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs().stream()
            .map(ActivatedJob::getProcessInstanceKey).forEach(seen::add);
        return seen.size() >= expected;
      });
      return seen;
    }
  }

  private static List<String> warnings(StandaloneEngineProcess engine) throws IOException {
    return engine.logLines().stream().filter(line -> line.contains(" WARN ")).toList();
  }

  private Path newestSegment() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("data").resolve("journal"))) {
      return files.filter(f -> f.getFileName().toString().matches("journal-\\d{20}\\.log"))
          .max(Path::compareTo).orElseThrow();
    }
  }

  /** Where each record of the segment starts, walking the length fields of the frame headers. */
  private static List<Long> frameOffsets(Path segment) throws IOException {
    final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
    final List<Long> offsets = new ArrayList<>();
    for (int at = 0; at + FRAME_HEADER_BYTES <= bytes.limit(); at += FRAME_HEADER_BYTES + bytes.getInt(at + 2)) {
      offsets.add((long) at);
    }
    return offsets;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      final ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0xFF)}), offset);
    }
  }

  private static Map<Path, byte[]> contentsOf(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toMap(Function.identity(), file -> {
        try {
          return Files.readAllBytes(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
  }
}
