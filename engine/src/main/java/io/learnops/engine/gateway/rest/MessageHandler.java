package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.List;
import java.util.Objects;

/** {@code POST /v2/messages/publication} and {@code POST /v2/messages/correlation}. */
final class MessageHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  MessageHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/messages/publication", this::publish),
        Route.of("POST", "/v2/messages/correlation", this::correlate));
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

  private Reply<?> correlate(RestRequest request) {
    final MessageCorrelationRequest body =
        json.read(request.body(), MessageCorrelationRequest.class, "name");
    final EngineApi.CorrelateMessage command =
        new EngineApi.CorrelateMessage(
            Fields.requireText(body.getName(), "name"),
            Objects.requireNonNullElse(body.getCorrelationKey(), ""),
            JsonVariables.orEmpty(body.getVariables()),
            Fields.tenant(body.getTenantId()));
    return Reply.json(
        api.correlateMessage(command),
        correlated ->
            new MessageCorrelationResult()
                .messageKey(String.valueOf(correlated.messageKey()))
                .tenantId(correlated.tenantId())
                .processInstanceKey(String.valueOf(correlated.processInstanceKey())));
  }
}
