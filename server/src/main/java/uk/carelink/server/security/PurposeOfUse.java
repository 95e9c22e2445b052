package uk.carelink.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;

/**
 * The purpose of use a request acts for (HL7 v3 ActReason: TREAT, HOPERAT, HRESCH, PUBHLTH …). A
 * token grants one or more purposes ({@link Party#grantedPurposes()}); a request picks one with the
 * {@value #HEADER} header, or acts for the first granted. Consent decisions and audit read it here.
 */
public final class PurposeOfUse {

  /** Request header naming the purpose of this request. */
  public static final String HEADER = "X-Purpose-Of-Use";

  private static final String USER_DATA_KEY = PurposeOfUse.class.getName();

  private PurposeOfUse() {}

  /** The purpose the request acts for, if it has a party with a purpose. */
  public static Optional<String> of(RequestDetails request) {
    if (request == null) {
      return Optional.empty();
    }
    Object chosen = request.getUserData().get(USER_DATA_KEY);
    if (chosen instanceof String purpose) {
      return Optional.of(purpose);
    }
    return Party.from(request).flatMap(party -> party.grantedPurposes().stream().findFirst());
  }

  /** Records the purpose a request acts for (it must be one the party was granted). */
  public static void choose(RequestDetails request, String purpose) {
    request.getUserData().put(USER_DATA_KEY, purpose);
  }
}
