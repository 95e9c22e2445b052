package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;
import static uk.carelink.world.FhirValues.identifier;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UnsignedIntType;

/** Each party's own Organization (and, for a care home, the home's Location), as it writes them. */
final class OrganizationRecords {

  private static final String ORGANIZATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/organization-type";

  private OrganizationRecords() {}

  static Bundle forParty(PartyOrganization party) {
    Organization organization = organization(party);
    organization.addType(
        party.role().equals("gp") || party.role().equals("hospital")
            ? concept(ORGANIZATION_TYPE, "prov", "Healthcare Provider")
            : concept(ORGANIZATION_TYPE, "govt", "Government"));
    return new TransactionBuilder().put(organization).build();
  }

  static Bundle forCareHome(
      PartyOrganization home, int registeredBeds, boolean nursing, String postcode) {
    Organization organization = organization(home);
    organization.getMeta().addProfile(WorldCodes.CARE_HOME_PROFILE);
    organization.addType(
        nursing
            ? concept(WorldCodes.CARE_HOME_TYPE, "nursing", "Nursing home")
            : concept(WorldCodes.CARE_HOME_TYPE, "residential", "Residential care home"));
    organization
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "registered-beds")
        .setValue(new UnsignedIntType(registeredBeds));
    organization.addAddress().setPostalCode(postcode);
    return new TransactionBuilder().put(organization).put(site(home, postcode)).build();
  }

  private static Organization organization(PartyOrganization party) {
    Organization organization = new Organization();
    organization.setId(party.organizationId());
    organization.setActive(true);
    organization.setName(party.name());
    organization.addIdentifier(identifier(party.identifierSystem(), party.identifierValue()));
    return organization;
  }

  private static Location site(PartyOrganization home, String postcode) {
    Location location = new Location();
    location.setId(home.organizationId() + "-site");
    location.getMeta().addProfile(WorldCodes.CARE_HOME_SITE_PROFILE);
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setName(home.name());
    location.getAddress().setPostalCode(postcode);
    location.setManagingOrganization(new Reference(home.organizationReference()));
    return location;
  }
}
