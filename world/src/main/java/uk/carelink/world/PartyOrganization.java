package uk.carelink.world;

import java.util.Objects;

/**
 * An organisation that writes or reads data: a sandbox party. Its identifier is the one its tokens
 * carry (claims {@code org_system}, {@code org_value}).
 *
 * @param clientId the OAuth2 client id of the party
 * @param role the party's role claim (carehome, gp, hospital, analyst, admin)
 * @param identifierSystem the organisation identifier's system
 * @param identifierValue the organisation identifier's value
 * @param name the organisation's display name
 */
public record PartyOrganization(
    String clientId, String role, String identifierSystem, String identifierValue, String name) {

  public PartyOrganization {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(identifierSystem, "identifierSystem");
    Objects.requireNonNull(identifierValue, "identifierValue");
    Objects.requireNonNull(name, "name");
  }

  /** The logical id of the party's Organization resource in the world. */
  public String organizationId() {
    return "org-" + clientId;
  }

  public String organizationReference() {
    return "Organization/" + organizationId();
  }
}
