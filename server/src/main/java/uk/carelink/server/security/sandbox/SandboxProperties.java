package uk.carelink.server.security.sandbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.carelink.server.security.Party;

/**
 * The sandbox's demo parties and its token issuer ({@code carelink.security.sandbox.*}). The one
 * place the parties are defined: the issuer registers a client per party, the sandbox data loads an
 * Organization per party, and docker/keycloak/carelink-realm.json mirrors them (a test compares).
 *
 * @param issuer the {@code iss} of sandbox tokens; an identifier, not fetched by anyone
 * @param clientSecret the secret of every sandbox client (development only)
 * @param tokenLifetime how long a sandbox access token is valid
 * @param clients the parties, one OAuth2 client each
 */
@ConfigurationProperties("carelink.security.sandbox")
public record SandboxProperties(
    @DefaultValue("https://carelink.example.org/sandbox-issuer") String issuer,
    @DefaultValue("sandbox-secret") String clientSecret,
    @DefaultValue("1h") Duration tokenLifetime,
    @DefaultValue List<SandboxParty> clients) {

  /** The party registered under a client id. */
  public Optional<SandboxParty> client(String clientId) {
    return clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
  }

  /**
   * One demo party.
   *
   * @param clientId OAuth2 client id
   * @param displayName name of its Organization in the sandbox data
   * @param organizationSystem identifier system of its Organization
   * @param organizationValue identifier value of its Organization
   * @param role the {@code role} claim
   * @param scopes the SMART scopes it is granted
   * @param purposeOfUse the {@code purpose_of_use} claim (HL7 v3 ActReason code)
   */
  public record SandboxParty(
      String clientId,
      String displayName,
      String organizationSystem,
      String organizationValue,
      String role,
      List<String> scopes,
      String purposeOfUse) {

    /** The party its tokens stand for, e.g. to write sandbox data "as" it. */
    public Party toParty() {
      return new Party(
          clientId,
          organizationSystem,
          organizationValue,
          role,
          new LinkedHashSet<>(scopes),
          purposeOfUse);
    }
  }
}
