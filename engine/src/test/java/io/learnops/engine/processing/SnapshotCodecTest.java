package io.learnops.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.state.ClockSetting;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.DecisionRequirements;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Form;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Job;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import io.learnops.engine.state.UserTask;
import io.learnops.engine.testing.NestedValues;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A snapshot brings back the state it was taken of, field for field, with working indexes; or says why not. */
class SnapshotCodecTest {

  private static final long DEADLINE = 1_000_000;

  private final SnapshotCodec codec = new SnapshotCodec();

  @Test
  void aStateWithInstancesJobsAndVariablesComesBackFieldForField() throws Exception {
    final EngineState state = busyState();

    assertSamePublicFields(roundTrip(state), state);
  }

  @Test
  void theIndexesOfTheDecodedStateFindWhatTheOriginalsFound() {
    final EngineState state = busyState();

    final EngineState restored = roundTrip(state);

    assertThat(restored.activatableJobs("mail")).containsExactly(32L);
    assertThat(restored.jobsWithDeadlineBefore(DEADLINE)).containsExactly(30L);
    assertThat(restored.jobsWithBackoffBefore(DEADLINE)).containsExactly(31L);
    assertThat(restored.timersDueBefore(DEADLINE)).containsExactly(60L);
    assertThat(restored.timersOf(11L)).extracting(timer -> timer.key).containsExactly(60L);
    assertThat(restored.messagesExpiredBefore(DEADLINE)).containsExactly(50L);
    assertThat(restored.bufferedMessages("<default>", "order-paid", "o-1")).extracting(m -> m.key).containsExactly(50L);
    assertThat(restored.bufferedMessageWithId("<default>", "order-paid", "evt-1")).isPresent();
    assertThat(restored.subscriptions(Subscription.Kind.MESSAGE, "<default>", "order-shipped", "o-1"))
        .extracting(s -> s.key).containsExactly(51L);
    assertThat(restored.subscriptionsOf(12L)).extracting(s -> s.key).containsExactly(51L);
    assertThat(restored.latestDefinition("<default>", "onboarding")).get().extracting(d -> d.key).isEqualTo(2L);
    assertThat(restored.definition(1L)).isPresent();
    assertThat(restored.nextDueTime()).isEqualTo(state.nextDueTime());
  }

  @Test
  void aVariableOfTwentyFiveMillionCharactersAndOneNestedAsDeepAsClientsMaySendComeBack() {
    final EngineState state = new EngineState();
    final String transcript = "x".repeat(25_000_000);
    final Object tree = NestedValues.nested(JsonVariables.MAX_NESTING);
    state.variables.put(1L, new LinkedHashMap<>(Map.of("transcript", transcript, "tree", tree)));

    final Map<String, Object> restored = roundTrip(state).variables.get(1L);

    assertThat((String) restored.get("transcript")).isEqualTo(transcript);
    assertThat(restored.get("tree")).isEqualTo(tree);
  }

  @Test
  void longAndDecimalVariablesComeBackExactlyWithTheirScale() {
    final EngineState state = new EngineState();
    final Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("largest", Long.MAX_VALUE);
    numbers.put("smallest", Long.MIN_VALUE);
    numbers.put("pastDoublePrecision", (1L << 53) + 1);
    numbers.put("price", new BigDecimal("19.90"));
    numbers.put("longDecimal", new BigDecimal("123456789012345678901234567890.123456789012345678901234567891"));
    numbers.put("pastDoubleRange", new BigDecimal("1E+400"));
    numbers.put("small", 3);
    state.variables.put(1L, numbers);

    assertThat(roundTrip(state).variables.get(1L)).containsExactlyEntriesOf(numbers);
  }

  @Test
  void aSetComesBackInTheOrderItWasWritten() {
    final EngineState state = new EngineState();
    final ElementInstance scope = new ElementInstance();
    scope.children = new LinkedHashSet<>(List.of(30L, 10L, 20L));
    state.elementInstances.put(1L, scope);

    assertThat(roundTrip(state).elementInstances.get(1L).children).containsExactly(30L, 10L, 20L);
  }

  /**
   * The trap of leaving defaults out: {@code flowScopeKey} and {@code jobKey} default to -1, a
   * user task's priority to 50, a job's worker to "". Set to 0, null or empty they must be written.
   * Every class of the state and every field is tried, including fields added after this test.
   */
  @Test
  void aFieldSetToZeroOrNullWhereItsClassDefaultsToSomethingElseComesBackZeroOrNull() throws Exception {
    final EngineState state = new EngineState();
    final List<String> zeroed = new ArrayList<>();
    for (final Field field : publicFields(EngineState.class)) {
      if (field.get(state) instanceof Map<?, ?> && isEntity(typeArgument(field, 1))) {
        putBoth(mapOf(field, state), typeArgument(field, 1), zeroed);
      } else if (field.get(state) instanceof List<?> && isEntity(typeArgument(field, 0))) {
        addBoth(listOf(field, state), typeArgument(field, 0), zeroed);
      } else if (isEntity(field.getType())) {
        field.set(state, atTypeDefaults(field.getType(), zeroed));
      }
    }

    assertSamePublicFields(roundTrip(state), state);
    assertThat(zeroed).contains("ElementInstance.flowScopeKey", "ElementInstance.jobKey", "ElementInstance.children",
        "Job.worker", "Job.deadline", "Job.kind", "Timer.repetitions", "Timer.elementInstanceKey",
        "UserTask.priority", "UserTask.formKey", "Message.correlatedProcesses");
  }

  @Test
  void aFieldLeftOutAtTheWritersDefaultComesBackAsWrittenWhereThisEngineDefaultsDifferently() throws Exception {
    final EngineState state = new EngineState();
    final ElementInstance root = new ElementInstance();
    root.key = 1;
    final ElementInstance child = new ElementInstance();
    child.key = 2;
    child.flowScopeKey = 1;
    state.elementInstances.put(1L, root);
    state.elementInstances.put(2L, child);

    final EngineState restored =
        codec.decodeState(9, asIfWrittenWhereFlowScopeKeyDefaultsTo(-1, 7, codec.encodeState(state)));

    assertThat(restored.elementInstances.get(1L).flowScopeKey).isEqualTo(7);
    assertThat(restored.elementInstances.get(2L).flowScopeKey).isEqualTo(1);
  }

  @Test
  void aJsonSnapshotFromBeforeTheHeaderIsRefusedNamingItsFormatAndWhatToDo() {
    final byte[] json = "{\"keyCounter\":7,\"recordPosition\":12,\"elementInstances\":{}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decodeState(42, json))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContainingAll("The snapshot at position 42 was written in format 1 (JSON",
            "this engine reads format 2", "Start on an empty data directory");
  }

  @Test
  void aSnapshotOfALaterFormatIsRefusedNamingItsFormat() {
    final byte[] later = "LOSNAP\u0003:)\n".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> codec.decodeState(42, later))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was written in format 3; this engine reads format 2");
  }

  @Test
  void bytesOfNoKnownFormatAreRefusedShowingTheirFirstBytes() {
    assertThatThrownBy(() -> codec.decodeState(42, new byte[] {0x13, 0x37}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a format this engine does not know (its first bytes: 13 37)");
  }

  @Test
  void aSnapshotCutShortIsRefusedNamingItsPosition() {
    final byte[] whole = codec.encodeState(busyState());

    assertThatThrownBy(() -> codec.decodeState(42, Arrays.copyOf(whole, whole.length / 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The snapshot at position 42, format 2, cannot be read");
  }

  @Test
  void anElementInstanceAtItsDefaultsTakesLittleMoreThanItsKey() {
    final EngineState state = new EngineState();
    final int before = codec.encodeState(state).length;
    for (long key = 1; key <= 1_000; key++) {
      final ElementInstance instance = new ElementInstance();
      instance.key = (1L << 51) + key;
      state.elementInstances.put(instance.key, instance);
    }

    // the key twice, as map key (16 digits) and field (8 bytes), and a few bytes of structure
    assertThat((codec.encodeState(state).length - before) / 1_000).isLessThan(32);
  }

  private EngineState roundTrip(EngineState state) {
    return codec.decodeState(1, codec.encodeState(state));
  }

  /** A little of everything, with the indexes built as the engine builds them. */
  private static EngineState busyState() {
    final EngineState state = new EngineState();
    state.keyCounter = 99;
    state.recordPosition = 1_234;
    state.bannedInstances.add(77L);
    state.addDefinition(definition(1, 1));
    state.addDefinition(definition(2, 2));

    final ElementInstance root = instance(10, -1, ElementType.PROCESS);
    root.children = new LinkedHashSet<>(List.of(12L, 11L));
    root.startElementId = "start";
    root.joinTokens.put("join", new LinkedHashMap<>(Map.of("flow-a", 2)));
    final ElementInstance task = instance(11, 10, ElementType.SERVICE_TASK);
    task.jobKey = 30;
    task.multiInstanceStarted = 3;
    task.startListenersDone = 1;
    final ElementInstance call = instance(12, 10, ElementType.CALL_ACTIVITY);
    call.calledProcessInstanceKey = 0;
    call.parentElementInstanceKey = 0;
    for (final ElementInstance instance : List.of(root, task, call)) {
      state.elementInstances.put(instance.key, instance);
    }

    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", "o-1");
    variables.put("nothing", null);
    variables.put("flag", false);
    variables.put("empty", "");
    variables.put("items", new ArrayList<>(Arrays.asList(1, null, Map.of("sku", "b-7"))));
    variables.put("total", new BigDecimal("19.90"));
    state.variables.put(10L, variables);
    state.variables.put(11L, new LinkedHashMap<>());

    final Job activated = job(30, "payment", Job.State.ACTIVATED);
    activated.deadline = DEADLINE - 1;
    activated.worker = "worker-1";
    activated.customHeaders = new LinkedHashMap<>(Map.of("retryBackoff", "PT1S"));
    state.putJob(activated);
    final Job backingOff = job(31, "payment", Job.State.BACKING_OFF);
    backingOff.recurAt = DEADLINE - 2;
    backingOff.errorMessage = "timeout";
    state.putJob(backingOff);
    final Job listener = job(32, "mail", Job.State.ACTIVATABLE);
    listener.kind = "EXECUTION_LISTENER";
    listener.listenerEventType = "START";
    state.putJob(listener);

    final Incident incident = new Incident();
    incident.key = 40;
    incident.errorType = Incident.ErrorType.JOB_NO_RETRIES;
    incident.retry = Incident.Retry.JOB;
    incident.jobKey = 31;
    incident.errorMessage = "no retries left";
    state.incidents.put(incident.key, incident);

    final Message message = new Message();
    message.key = 50;
    message.name = "order-paid";
    message.correlationKey = "o-1";
    message.messageId = "evt-1";
    message.tenantId = "<default>";
    message.deadline = DEADLINE - 3;
    message.variables = new LinkedHashMap<>(Map.of("paid", true));
    message.correlatedProcesses.add("onboarding");
    state.putMessage(message);

    final Subscription subscription = new Subscription();
    subscription.key = 51;
    subscription.kind = Subscription.Kind.MESSAGE;
    subscription.name = "order-shipped";
    subscription.correlationKey = "o-1";
    subscription.elementInstanceKey = 12;
    subscription.tenantId = "<default>";
    subscription.interrupting = true;
    state.putSubscription(subscription);

    final Timer timer = new Timer();
    timer.key = 60;
    timer.dueDate = DEADLINE - 4;
    timer.elementInstanceKey = 11;
    timer.repetitions = -1;
    timer.intervalMillis = 60_000;
    state.putTimer(timer);

    final UserTask userTask = new UserTask();
    userTask.key = 70;
    userTask.state = UserTask.State.ASSIGNING;
    userTask.priority = 0;
    userTask.formKey = 80;
    userTask.candidateGroups.add("hr");
    userTask.pendingVariables.put("approved", true);
    userTask.completionDate = 0;
    state.userTasks.put(userTask.key, userTask);

    final Form form = new Form();
    form.key = 80;
    form.formId = "approval";
    form.schema = "{\"components\":[]}";
    state.forms.add(form);
    final DecisionRequirements requirements = new DecisionRequirements();
    requirements.key = 90;
    requirements.resource = "<definitions/>".getBytes(StandardCharsets.UTF_8);
    state.decisionRequirements.add(requirements);
    final DecisionDefinition decision = new DecisionDefinition();
    decision.key = 91;
    decision.decisionRequirementsKey = 90;
    state.decisionDefinitions.add(decision);

    state.clock = new ClockSetting();
    state.clock.offsetMillis = -5_000;
    return state;
  }

  private static ProcessDefinition definition(long key, int version) {
    final ProcessDefinition definition = new ProcessDefinition();
    definition.key = key;
    definition.bpmnProcessId = "onboarding";
    definition.version = version;
    definition.tenantId = "<default>";
    definition.resource = new byte[256];
    for (int i = 0; i < definition.resource.length; i++) {
      definition.resource[i] = (byte) i; // every byte value, 0xFF included
    }
    return definition;
  }

  private static ElementInstance instance(long key, long flowScopeKey, ElementType type) {
    final ElementInstance instance = new ElementInstance();
    instance.key = key;
    instance.flowScopeKey = flowScopeKey;
    instance.type = type;
    instance.state = ElementState.ACTIVATED;
    instance.processInstanceKey = 10;
    instance.elementId = type.name().toLowerCase();
    instance.tenantId = "<default>";
    return instance;
  }

  private static Job job(long key, String type, Job.State jobState) {
    final Job job = new Job();
    job.key = key;
    job.type = type;
    job.state = jobState;
    job.retries = 3;
    job.tenantId = "<default>";
    return job;
  }

  /** The snapshot as an engine would have written it whose instances defaulted {@code flowScopeKey} differently. */
  private static byte[] asIfWrittenWhereFlowScopeKeyDefaultsTo(long ours, long theirs, byte[] snapshot) throws Exception {
    final ObjectMapper smile = new ObjectMapper(new SmileFactory());
    final List<JsonNode> values;
    try (MappingIterator<JsonNode> read = smile.readerFor(JsonNode.class)
        .readValues(snapshot, SnapshotFormat.HEADER_BYTES, snapshot.length - SnapshotFormat.HEADER_BYTES)) {
      values = read.readAll();
    }
    final ObjectNode instanceDefaults = (ObjectNode) values.get(0).get(ElementInstance.class.getName());
    assertThat(instanceDefaults.get("flowScopeKey").asLong()).isEqualTo(ours);
    instanceDefaults.put("flowScopeKey", theirs);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(snapshot, 0, SnapshotFormat.HEADER_BYTES);
    try (JsonGenerator generator = smile.createGenerator(out)) {
      for (final JsonNode value : values) {
        smile.writeTree(generator, value);
      }
    }
    return out.toByteArray();
  }

  private static void assertSamePublicFields(EngineState actual, EngineState expected) throws Exception {
    for (final Field field : publicFields(EngineState.class)) {
      assertThat(field.get(actual)).as(field.getName()).usingRecursiveComparison().isEqualTo(field.get(expected));
    }
  }

  // ---- every entity, at its class's defaults and at its type's ----------------------------------

  private static <T> void putBoth(Map<Long, T> entities, Class<T> type, List<String> zeroed) throws Exception {
    entities.put(1L, constructed(type));
    entities.put(2L, atTypeDefaults(type, zeroed));
  }

  private static <T> void addBoth(List<T> entities, Class<T> type, List<String> zeroed) throws Exception {
    entities.add(constructed(type));
    entities.add(atTypeDefaults(type, zeroed));
  }

  /** As constructed, but with each null enum set, as the indexes need a job's state. */
  private static <T> T constructed(Class<T> type) throws Exception {
    final T entity = type.getConstructor().newInstance();
    for (final Field field : publicFields(type)) {
      if (field.getType().isEnum() && field.get(entity) == null) {
        field.set(entity, field.getType().getEnumConstants()[0]);
      }
    }
    return entity;
  }

  /** Every field whose class default is not 0, false or null set to that, and recorded in {@code zeroed}. */
  private static <T> T atTypeDefaults(Class<T> type, List<String> zeroed) throws Exception {
    final T entity = constructed(type);
    for (final Field field : publicFields(type)) {
      final Object typeDefault = typeDefault(field.getType());
      if (!field.getType().isEnum() && !Objects.equals(field.get(entity), typeDefault)) {
        field.set(entity, typeDefault);
        zeroed.add(type.getSimpleName() + "." + field.getName());
      }
    }
    return entity;
  }

  private static Object typeDefault(Class<?> type) {
    return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
  }

  private static List<Field> publicFields(Class<?> type) {
    return Arrays.stream(type.getFields()).filter(field -> !Modifier.isStatic(field.getModifiers())).toList();
  }

  private static boolean isEntity(Class<?> type) {
    return type.getPackageName().equals(EngineState.class.getPackageName());
  }

  private static Class<?> typeArgument(Field field, int index) {
    return field.getGenericType() instanceof ParameterizedType generic
        && generic.getActualTypeArguments()[index] instanceof Class<?> argument ? argument : Object.class;
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<Long, T> mapOf(Field field, EngineState state) throws IllegalAccessException {
    return (Map<Long, T>) field.get(state);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> listOf(Field field, EngineState state) throws IllegalAccessException {
    return (List<T>) field.get(state);
  }
}
