package uk.carelink.server.sandbox;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.carelink.server.security.Party;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.security.sandbox.SandboxProperties.SandboxParty;
import uk.carelink.world.PartyOrganization;

/**
 * The sandbox parties as the world generator sees them, and in-process requests made on their
 * behalf: what the loader writes is attributed ({@link Party#attach}) to the party that controls
 * it.
 */
@Component
public class PartyRequests {

  private final SandboxProperties sandbox;

  public PartyRequests(SandboxProperties sandbox) {
    this.sandbox = sandbox;
  }

  /** The configured sandbox clients, as organisations of the world (one source of truth). */
  public List<PartyOrganization> organizations() {
    return sandbox.clients().stream()
        .map(
            client ->
                new PartyOrganization(
                    client.clientId(),
                    client.role(),
                    client.organizationSystem(),
                    client.organizationValue(),
                    client.displayName()))
        .toList();
  }

  public SystemRequestDetails as(PartyOrganization organization) {
    SystemRequestDetails request = new SystemRequestDetails();
    Party.attach(request, party(organization));
    return request;
  }

  /** A sandbox client's party; homes generated beyond the clients (benchmarks) have no scopes. */
  private Party party(PartyOrganization organization) {
    return sandbox
        .client(organization.clientId())
        .map(SandboxParty::toParty)
        .orElseGet(
            () ->
                new Party(
                    organization.clientId(),
                    organization.identifierSystem(),
                    organization.identifierValue(),
                    organization.role(),
                    Set.of(),
                    null));
  }
}
