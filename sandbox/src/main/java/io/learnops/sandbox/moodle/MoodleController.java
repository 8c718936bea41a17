package io.learnops.sandbox.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.SandboxProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moodle's REST web-service endpoint. Parameters may come in the query or the form body (Moodle
 * reads both); {@code moodlewsrestformat=json} is the only format served. Every outcome,
 * including errors, is HTTP 200, as in Moodle.
 */
@RestController
@ConditionalOnSandboxEnabled
@RequestMapping("/sandbox/moodle")
public class MoodleController {

  private final MoodleFunctions functions;
  private final byte[] token;
  private final ObjectMapper mapper;

  public MoodleController(MoodleState state, SandboxProperties properties, ObjectMapper mapper) {
    this.functions = new MoodleFunctions(state);
    this.token = properties.moodle().token().getBytes(StandardCharsets.UTF_8);
    this.mapper = mapper;
  }

  @RequestMapping(path = "/webservice/rest/server.php",
      method = {RequestMethod.POST, RequestMethod.GET},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<JsonNode> server(@RequestParam MultiValueMap<String, String> params) {
    Map<String, String> flat = new LinkedHashMap<>();
    params.forEach((key, values) -> flat.put(key, values.get(0)));
    try {
      if (!validToken(flat.get("wstoken"))) {
        throw MoodleException.invalidToken();
      }
      String format = flat.getOrDefault("moodlewsrestformat", "xml");
      if (!"json".equals(format)) {
        throw MoodleException.invalidParameter("only moodlewsrestformat=json is served");
      }
      String function = Optional.ofNullable(flat.get("wsfunction")).orElseThrow(
          () -> MoodleException.invalidParameter("missing required key: wsfunction"));
      Object answer = functions.call(function, new MoodleParams(flat));
      return ResponseEntity.ok(answer instanceof Optional<?> o && o.isEmpty()
          ? mapper.nullNode() : mapper.valueToTree(answer));
    } catch (MoodleException e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("exception", e.exception());
      error.put("errorcode", e.errorCode());
      error.put("message", e.getMessage());
      return ResponseEntity.ok(mapper.valueToTree(error));
    }
  }

  private boolean validToken(String given) {
    return given != null
        && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }
}
