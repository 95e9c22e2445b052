package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;

/**
 * The contract in-process writers (the sandbox loader) rely on: a party attached to a
 * SystemRequestDetails is readable by HAPI code, and such requests are trusted rather than held to
 * that party's scopes.
 */
class InProcessPartyTest extends FhirApiTest {

  @Autowired DaoRegistry daos;
  @Autowired SandboxProperties sandbox;

  @Test
  void aSystemRequestActingForAPartyIsTrustedBeyondThatPartysScopes() {
    Party careHome = sandbox.client("carehome-a").orElseThrow().toParty();
    SystemRequestDetails request = new SystemRequestDetails();
    Party.attach(request, careHome);
    Organization home = Fixtures.careHome("Loaded in process", "1-" + System.nanoTime() % 1000);

    // carehome-a has no Organization scope, yet the in-process write succeeds.
    var outcome = daos.getResourceDao(Organization.class).create(home, request);

    assertThat(Party.from(request)).contains(careHome);
    assertThat(outcome.getId().getIdPart()).isNotBlank();
    fhir().get("/Organization/" + outcome.getId().getIdPart()).then().statusCode(200);
  }

  @Test
  void theSandboxPartiesAreDefinedOnceWithEverythingTheLoaderNeeds() {
    assertThat(sandbox.clients())
        .extracting(SandboxProperties.SandboxParty::clientId)
        .containsExactly("carehome-a", "carehome-b", "gp-practice", "hospital", "analyst", "admin");
    assertThat(sandbox.clients())
        .allSatisfy(
            party -> {
              assertThat(party.displayName()).isNotBlank();
              assertThat(party.organizationSystem()).startsWith("https://");
              assertThat(party.organizationValue()).isNotBlank();
              assertThat(party.scopes()).isNotEmpty();
              assertThat(party.toParty().grantedPurposes())
                  .isNotEmpty()
                  .isSubsetOf("TREAT", "HOPERAT", "PUBHLTH", "HRESCH");
            });
  }
}
