package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.List;
import java.util.Objects;

/** {@code POST /v2/messages/publication}. */
final class MessageHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  MessageHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/messages/publication", this::publish));
  }

  private Reply<?> publish(RestRequest request) {
    final MessagePublicationRequest body =
        json.read(request.body(), MessagePublicationRequest.class, "name");
    final String messageId = body.getMessageId();
    final EngineApi.PublishMessage command =
        new EngineApi.PublishMessage(
            Fields.requireText(body.getName(), "name"),
            Objects.requireNonNullElse(body.getCorrelationKey(), ""),
            Objects.requireNonNullElse(body.getTimeToLive(), 0L),
            // an empty id means none, as in the gRPC protocol
            messageId == null || messageId.isEmpty() ? null : messageId,
            JsonVariables.orEmpty(body.getVariables()),
            Fields.tenant(body.getTenantId()));
    return Reply.json(
        api.publishMessage(command),
        published ->
            new MessagePublicationResult()
                .messageKey(String.valueOf(published.messageKey()))
                .tenantId(published.tenantId()));
  }
}
