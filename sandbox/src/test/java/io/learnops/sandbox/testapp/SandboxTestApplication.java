package io.learnops.sandbox.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest app that uses the sandbox the way the real app will: as an auto-configuration
 * switched on by a property. Its package holds nothing else, so no stand-in is component-scanned.
 */
@SpringBootApplication
public class SandboxTestApplication {
}
