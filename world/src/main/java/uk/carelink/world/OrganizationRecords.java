package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;
import static uk.carelink.world.FhirValues.identifier;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/** Each party's own Organization (and, for a care home, the home's Location), as it writes them. */
final class OrganizationRecords {

  private static final String ORGANIZATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/organization-type";

  private OrganizationRecords() {}

  static Bundle forParty(
      PartyOrganization party, int registeredBeds, boolean nursing, String postcode) {
    Organization organization = new Organization();
    organization.setId(party.organizationId());
    organization.setActive(true);
    organization.setName(party.name());
    organization.addIdentifier(identifier(party.identifierSystem(), party.identifierValue()));
    TransactionBuilder transaction = new TransactionBuilder().put(organization);
    switch (party.role()) {
      case "carehome" -> {
        organization.addType(
            concept(
                WorldCodes.CARE_SETTING,
                nursing ? "nursing-home" : "residential-home",
                nursing ? "Care home with nursing" : "Care home without nursing"));
        transaction.put(careHomeLocation(party, registeredBeds, nursing, postcode));
      }
      case "gp", "hospital" ->
          organization.addType(concept(ORGANIZATION_TYPE, "prov", "Healthcare Provider"));
      case "analyst", "admin" ->
          organization.addType(concept(ORGANIZATION_TYPE, "govt", "Government"));
      default -> throw new IllegalArgumentException("unknown party role " + party.role());
    }
    return transaction.build();
  }

  private static Location careHomeLocation(
      PartyOrganization home, int registeredBeds, boolean nursing, String postcode) {
    Location location = new Location();
    location.setId(home.organizationId() + "-site");
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setName(home.name());
    location.addIdentifier(identifier(home.identifierSystem(), home.identifierValue()));
    location.getAddress().setPostalCode(postcode);
    location.setManagingOrganization(new Reference(home.organizationReference()));
    location.addType(
        concept(
            WorldCodes.CARE_SETTING,
            nursing ? "nursing-home" : "residential-home",
            nursing ? "Care home with nursing" : "Care home without nursing"));
    location
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "registered-beds")
        .setValue(new org.hl7.fhir.r4.model.PositiveIntType(registeredBeds));
    return location;
  }
}
