package uk.carelink.server.consent;

import java.util.Optional;
import java.util.Set;

/**
 * An active Consent, parsed: either a resident's own decision (it names a patient) or a
 * data-sharing agreement (no patient) in which controllers permit other organisations.
 *
 * @param consentId {@code Consent/{id}}
 * @param patientId the resident it is about; null for an agreement
 * @param grantors for an agreement, the controllers whose data it shares: the organisations it
 *     names ({@code Consent.organization}) that also control the Consent itself, so no party can
 *     grant itself another's data
 * @param provision the root provision
 */
public record ConsentRule(
    String consentId, String patientId, Set<DataController> grantors, Provision provision) {

  public boolean isAgreement() {
    return patientId == null;
  }

  /** Whether its vote may depend on a resource's codes ({@link Provision#readsCodes}). */
  public boolean readsCodes() {
    return provision.readsCodes();
  }

  public Optional<Vote> vote(AccessQuestion question) {
    return provision.vote(question);
  }
}
