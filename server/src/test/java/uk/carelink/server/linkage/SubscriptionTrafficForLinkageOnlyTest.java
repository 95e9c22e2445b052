package uk.carelink.server.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/** Which writes enter HAPI's subscription pipeline: what MDM links and Subscriptions, no more. */
class SubscriptionTrafficForLinkageOnlyTest {

  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private final SubscriptionTrafficForLinkageOnly filter =
      new SubscriptionTrafficForLinkageOnly(CONTEXT, List.of("Patient"));

  @Test
  void recordsMdmLinksAndSubscriptionsAreQueued() {
    assertThat(queued(new Patient().setId("Patient/p1"))).isTrue();
    assertThat(queued(new Subscription().setId("Subscription/s1"))).isTrue();
  }

  @Test
  void everythingElseIsLeftOut() {
    assertThat(queued(new Observation().setId("Observation/o1"))).isFalse();
    assertThat(queued(new AuditEvent().setId("AuditEvent/a1"))).isFalse();
  }

  @Test
  void theTypesFollowTheMdmRules() {
    SubscriptionTrafficForLinkageOnly practitioners =
        new SubscriptionTrafficForLinkageOnly(CONTEXT, List.of("Patient", "Practitioner"));

    assertThat(practitioners.resourceTypes())
        .containsExactlyInAnyOrder("Patient", "Practitioner", "Subscription");
  }

  private boolean queued(IBaseResource resource) {
    return filter.queueOnlyWhatLinkageUses(
        new ResourceModifiedMessage(CONTEXT, resource, OperationTypeEnum.CREATE));
  }
}
