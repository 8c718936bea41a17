package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** Request patterns for Moodle web-service functions under the test base URL. */
final class MoodleStubs {

  static final String ENDPOINT = "/moodle/webservice/rest/server.php";

  private MoodleStubs() {
  }

  static MappingBuilder function(String name) {
    return post(urlPathEqualTo(ENDPOINT)).withQueryParam("wsfunction", equalTo(name));
  }

  static RequestPatternBuilder called(String name) {
    return postRequestedFor(urlPathEqualTo(ENDPOINT)).withQueryParam("wsfunction", equalTo(name));
  }

  static String course(long id, String idNumber) {
    return "{\"courses\":[{\"id\":" + id + ",\"shortname\":\"" + idNumber + "\",\"fullname\":\"x\","
        + "\"idnumber\":\"" + idNumber + "\",\"categoryid\":7}],\"warnings\":[]}";
  }

  static String noCourse() {
    return "{\"courses\":[],\"warnings\":[]}";
  }

  static String user(long id, String email) {
    return "{\"users\":[{\"id\":" + id + ",\"username\":\"u" + id + "\",\"firstname\":\"A\","
        + "\"lastname\":\"B\",\"email\":\"" + email + "\"}],\"warnings\":[]}";
  }

  static String noUser() {
    return "{\"users\":[],\"warnings\":[]}";
  }

  static String error(String code) {
    return "{\"exception\":\"moodle_exception\",\"errorcode\":\"" + code
        + "\",\"message\":\"refused\"}";
  }
}
