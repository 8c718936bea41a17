package io.learnops.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Only with {@code learnops.sandbox.enabled=true}. On the auto-configuration and on every
 * controller, so that an app that component-scans {@code io.learnops} does not serve
 * {@code /sandbox/**} with the sandbox off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "learnops.sandbox", name = "enabled", havingValue = "true")
public @interface ConditionalOnSandboxEnabled {
}
