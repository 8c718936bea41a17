package io.learnops.engine.processing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Teaches a mapper to leave out each field that holds what a default-constructed object of its
 * class holds, and to read such objects back with the defaults of the engine that wrote them.
 *
 * <p>"Default" means the constructed object's value, not the type's: {@code flowScopeKey = -1} is
 * left out at -1 and written at 0. That is Jackson's {@code NON_DEFAULT} when it applies to a
 * class, not when it is the mapper's default inclusion (then it means 0, null and empty), so it is
 * given here to each class of the {@link StateDefaults} table, whose entities carry no annotation.
 */
final class OmittedDefaults {

  /** the attribute under which a reader carries {@link StateDefaults#changedSince} */
  private static final Object CHANGED_DEFAULTS = OmittedDefaults.class;

  private OmittedDefaults() {}

  static ObjectMapper install(ObjectMapper mapper, StateDefaults defaults) {
    mapper.setAnnotationIntrospector(new LeaveOutDefaults(defaults));
    mapper.registerModule(new SimpleModule("snapshot-defaults").setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
          BeanDeserializerBuilder builder) {
        if (defaults.covers(bean.getBeanClass())) {
          builder.setValueInstantiator(new WithWrittenDefaults(builder.getValueInstantiator()));
        }
        return builder;
      }
    }));
    return mapper;
  }

  /**
   * {@code reader}, giving each new object the fields in {@code changed} (the writer's defaults
   * where they differ from this engine's) before its written fields are read.
   */
  static ObjectReader withWrittenDefaults(ObjectReader reader, ObjectMapper mapper, Map<Class<?>, ObjectNode> changed) {
    return changed.isEmpty() ? reader : reader.withAttribute(CHANGED_DEFAULTS, new ChangedDefaults(mapper, changed));
  }

  private static final class LeaveOutDefaults extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;
    private static final JsonInclude.Value NON_DEFAULT = JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT, null);

    private final transient StateDefaults defaults;

    LeaveOutDefaults(StateDefaults defaults) {
      this.defaults = defaults;
    }

    /** Class level, where NON_DEFAULT compares with a constructed object; a field's own annotation still wins. */
    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
      final JsonInclude.Value declared = super.findPropertyInclusion(annotated);
      return annotated instanceof AnnotatedClass type && defaults.covers(type.getRawType())
          ? NON_DEFAULT.withOverrides(declared)
          : declared;
    }
  }

  /** Creates objects as the class does, then applies the writer's defaults where they differ. */
  private static final class WithWrittenDefaults extends ValueInstantiator.Delegating {

    private static final long serialVersionUID = 1L;

    WithWrittenDefaults(ValueInstantiator delegate) {
      super(delegate);
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext context, BeanDescription bean)
        throws JsonMappingException {
      final ValueInstantiator contextual = delegate().createContextual(context, bean);
      return contextual == delegate() ? this : new WithWrittenDefaults(contextual);
    }

    @Override
    public Object createUsingDefault(DeserializationContext context) throws IOException {
      final Object created = super.createUsingDefault(context);
      final Object changed = context.getAttribute(CHANGED_DEFAULTS);
      return changed == null ? created : ((ChangedDefaults) changed).applyTo(created);
    }
  }

  private record ChangedDefaults(ObjectMapper mapper, Map<Class<?>, ObjectNode> byClass) {

    Object applyTo(Object created) throws IOException {
      final ObjectNode fields = byClass.get(created.getClass());
      return fields == null ? created : mapper.readerForUpdating(created).readValue(fields);
    }
  }
}
