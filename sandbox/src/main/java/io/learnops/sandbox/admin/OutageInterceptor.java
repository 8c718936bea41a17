package io.learnops.sandbox.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers for a stand-in that is switched off: the outage's status with a plain-text body, the
 * way a load balancer or maintenance page answers, before the stand-in sees the request (so
 * nothing is created while "down").
 */
public final class OutageInterceptor implements HandlerInterceptor {

  private final OutageSwitch outages;

  public OutageInterceptor(OutageSwitch outages) {
    this.outages = outages;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
      Object handler) throws Exception {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Outage> outage = SandboxSystem.serving(path).flatMap(outages::outage);
    if (outage.isEmpty()) {
      return true;
    }
    response.setStatus(outage.get().status());
    outage.get().retryAfterSeconds().ifPresent(
        seconds -> response.setHeader("Retry-After", Integer.toString(seconds)));
    response.setContentType("text/plain");
    response.getOutputStream().write(("sandbox outage: " + SandboxSystem.serving(path)
        .orElseThrow().id() + " is switched off").getBytes(StandardCharsets.UTF_8));
    return false;
  }
}
