package io.learnops.app.models;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code learnops.models.*}: which process models are deployed when the app starts.
 *
 * @param deployOnStart deploy the models found at {@code locations} before the app takes requests
 * @param locations resource patterns; every BPMN, DMN and form on the classpath by default
 */
@ConfigurationProperties("learnops.models")
public record ModelProperties(
    @DefaultValue("true") boolean deployOnStart,
    @DefaultValue({"classpath*:**/*.bpmn", "classpath*:**/*.dmn", "classpath*:**/*.form"})
        List<String> locations) {}
