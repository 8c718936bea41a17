package io.learnops.app.models;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code learnops.models.*}: which process models are deployed when the app starts.
 *
 * @param deployOnStart deploy the models found at {@code locations} before the app takes requests
 * @param locations resource patterns (Spring's, where {@code {name:regex}} matches a regular
 *     expression); by default the workflows module's BPMN, DMN and forms, found in one pass
 */
@ConfigurationProperties("learnops.models")
public record ModelProperties(
    @DefaultValue("true") boolean deployOnStart,
    @DefaultValue(ModelProperties.EVERY_MODEL)
        List<String> locations) {

  /** where the workflows module puts the lifecycle's models (BPMN, DMN, forms) */
  public static final String EVERY_MODEL = "classpath*:learnops/models/*.{extension:bpmn|dmn|form}";
}
