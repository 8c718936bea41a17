package io.learnops.app.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app as shipped (real models deployed at start, real workers, the sandbox) on the
 * embedded engine; see {@link WiredApp}. Every class with this annotation and no settings of its
 * own shares one running app, so scenarios must only look at their own programs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = WiredApp.class)
public @interface WiredAppTest {}
