package uk.carelink.server.linkage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands HAPI's subscription pipeline only the writes that a subscription on this server can act on:
 * the resource types MDM links, and Subscriptions themselves (HAPI activates them through the same
 * pipeline). Only the message channel is on, and only for MDM ({@link LinkageConfig}), so every
 * other write (observations, medication rounds, the audit trail) would be queued, read back from
 * the database and matched against MDM's subscriptions for nothing: in the validation bench that
 * cost as much CPU as validating the writes.
 */
public class SubscriptionTrafficForLinkageOnly {

  static final String SUBSCRIPTION = "Subscription";

  private final FhirContext context;
  private final Set<String> resourceTypes;

  public SubscriptionTrafficForLinkageOnly(FhirContext context, List<String> mdmTypes) {
    this.context = context;
    Set<String> types = new LinkedHashSet<>(mdmTypes);
    types.add(SUBSCRIPTION);
    this.resourceTypes = Set.copyOf(types);
  }

  @Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
  public boolean queueOnlyWhatLinkageUses(ResourceModifiedMessage message) {
    for (String type : resourceTypes) {
      if (message.hasResourceType(context, type)) {
        return true;
      }
    }
    return false;
  }

  /** The resource types let through (for tests and the start-up log). */
  Set<String> resourceTypes() {
    return resourceTypes;
  }
}
