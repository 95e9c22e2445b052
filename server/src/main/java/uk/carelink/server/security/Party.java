package uk.carelink.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the organisation a validated token speaks for, its role, its SMART scopes and its
 * purpose of use. Built once per request from the token ({@link JwtPartyConverter}) and attached to
 * HAPI's {@link RequestDetails}, where consent, audit and the scope check read it.
 *
 * @param clientId OAuth2 client the token was issued to
 * @param organizationSystem identifier system of the party's organisation (claim {@code
 *     org_system})
 * @param organizationValue identifier value of the party's organisation (claim {@code org_value})
 * @param role {@code carehome}, {@code gp}, {@code hospital}, {@code analyst} or {@code admin}
 * @param scopes SMART scopes as granted (claim {@code scope}, normalised to a set)
 * @param purposeOfUse HL7 v3 ActReason codes the party may act for (claim {@code purpose_of_use},
 *     space-separated, the first being the default), or null if the token carries none; a request
 *     picks one with {@link PurposeOfUse#HEADER}
 */
public record Party(
    String clientId,
    String organizationSystem,
    String organizationValue,
    String role,
    Set<String> scopes,
    String purposeOfUse)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String USER_DATA_KEY = Party.class.getName();

  public Party {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(organizationSystem, "organizationSystem");
    Objects.requireNonNull(organizationValue, "organizationValue");
    Objects.requireNonNull(role, "role");
    scopes = Set.copyOf(new LinkedHashSet<>(scopes));
  }

  /** The organisation as a FHIR token search value, {@code system|value}. */
  public String organizationToken() {
    return organizationSystem + "|" + organizationValue;
  }

  /** The purposes the token grants, the default first. */
  public List<String> grantedPurposes() {
    return purposeOfUse == null
        ? List.of()
        : Arrays.stream(purposeOfUse.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  /** The party a request acts for, if one was attached. */
  public static Optional<Party> from(RequestDetails request) {
    return request == null
        ? Optional.empty()
        : Optional.ofNullable((Party) request.getUserData().get(USER_DATA_KEY));
  }

  /**
   * Makes a request act for a party. The server does this for every authenticated API request;
   * in-process writers call it on a {@code SystemRequestDetails} to record who they write for.
   */
  public static void attach(RequestDetails request, Party party) {
    request.getUserData().put(USER_DATA_KEY, Objects.requireNonNull(party, "party"));
  }
}
