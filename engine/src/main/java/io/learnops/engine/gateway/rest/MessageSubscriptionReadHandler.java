package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.CorrelatedMessageEntry;
import io.learnops.engine.read.MessageSubscriptionEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;

/** {@code /v2/message-subscriptions/search} and {@code /v2/correlated-message-subscriptions/search}. */
final class MessageSubscriptionReadHandler implements ResourceHandler {

  private static final Schema<MessageSubscriptionEntry> SUBSCRIPTIONS =
      Schema.<MessageSubscriptionEntry>of("message subscriptions", MessageSubscriptionEntry::key)
          .key("messageSubscriptionKey", MessageSubscriptionEntry::key)
          .string("messageName", MessageSubscriptionEntry::messageName)
          .string("correlationKey", MessageSubscriptionEntry::correlationKey)
          .string("messageSubscriptionState", MessageSubscriptionEntry::state)
          .date("lastUpdatedDate", MessageSubscriptionEntry::lastUpdatedDate)
          .string("elementId", MessageSubscriptionEntry::elementId)
          .key("elementInstanceKey", MessageSubscriptionEntry::elementInstanceKey)
          .key("processInstanceKey", MessageSubscriptionEntry::processInstanceKey)
          .key("processDefinitionKey", MessageSubscriptionEntry::processDefinitionKey)
          .string("processDefinitionId", MessageSubscriptionEntry::processDefinitionId)
          .string("tenantId", MessageSubscriptionEntry::tenantId);

  private static final Schema<CorrelatedMessageEntry> CORRELATED =
      Schema.<CorrelatedMessageEntry>of("correlated message subscriptions", CorrelatedMessageEntry::key)
          .key("messageKey", CorrelatedMessageEntry::messageKey)
          .key("subscriptionKey", CorrelatedMessageEntry::subscriptionKey)
          .string("messageName", CorrelatedMessageEntry::messageName)
          .string("correlationKey", CorrelatedMessageEntry::correlationKey)
          .date("correlationTime", CorrelatedMessageEntry::correlationTime)
          .string("elementId", CorrelatedMessageEntry::elementId)
          .key("elementInstanceKey", CorrelatedMessageEntry::elementInstanceKey)
          .key("processInstanceKey", CorrelatedMessageEntry::processInstanceKey)
          .key("processDefinitionKey", CorrelatedMessageEntry::processDefinitionKey)
          .string("processDefinitionId", CorrelatedMessageEntry::processDefinitionId)
          .integer("partitionId", c -> 1)
          .string("tenantId", CorrelatedMessageEntry::tenantId);

  private final ReadModel read;
  private final JsonMapping json;

  MessageSubscriptionReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/message-subscriptions/search", this::subscriptions),
        Route.of("POST", "/v2/correlated-message-subscriptions/search", this::correlated));
  }

  private Reply<?> subscriptions(RestRequest request) {
    return ReadReplies.page(Search.run(read.messageSubscriptions(), json.tree(request.body()), SUBSCRIPTIONS),
        s -> new JsonItem()
            .key("messageSubscriptionKey", s.key())
            .put("messageName", s.messageName())
            .put("correlationKey", s.correlationKey())
            .put("messageSubscriptionState", s.state())
            .date("lastUpdatedDate", s.lastUpdatedDate())
            .put("elementId", s.elementId())
            .key("elementInstanceKey", s.elementInstanceKey())
            .key("processInstanceKey", s.processInstanceKey())
            .key("processDefinitionKey", s.processDefinitionKey())
            .put("processDefinitionId", s.processDefinitionId())
            .put("tenantId", s.tenantId()));
  }

  private Reply<?> correlated(RestRequest request) {
    return ReadReplies.page(Search.run(read.correlatedMessages(), json.tree(request.body()), CORRELATED),
        c -> new JsonItem()
            .key("messageKey", c.messageKey())
            .key("subscriptionKey", c.subscriptionKey())
            .put("messageName", c.messageName())
            .put("correlationKey", c.correlationKey())
            .date("correlationTime", c.correlationTime())
            .put("elementId", c.elementId())
            .key("elementInstanceKey", c.elementInstanceKey())
            .key("processInstanceKey", c.processInstanceKey())
            .key("processDefinitionKey", c.processDefinitionKey())
            .put("processDefinitionId", c.processDefinitionId())
            .put("partitionId", 1)
            .put("tenantId", c.tenantId()));
  }
}
