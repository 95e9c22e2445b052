package uk.carelink.server.sandbox;

import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import uk.carelink.world.PartyOrganization;
import uk.carelink.world.WorldGenerator;

/**
 * The record that a sandbox world was loaded completely: a Provenance written after the last
 * transaction, naming the generator's spec. Its absence means "load (or finish loading) the world".
 */
final class WorldMarker {

  static final String ID = "sandbox-world";
  static final String SPEC_SYSTEM = "https://carelink.example.org/fhir/sandbox-world-spec";

  private WorldMarker() {}

  static Provenance of(WorldGenerator world, Date loadedAt) {
    Provenance provenance = new Provenance();
    provenance.setId(ID);
    provenance.setRecorded(loadedAt);
    for (PartyOrganization party : world.parties().all()) {
      provenance.addTarget(new Reference(party.organizationReference()));
    }
    provenance.addAgent().setWho(new Reference(world.parties().admin().organizationReference()));
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(
            new Reference()
                .setIdentifier(
                    new Identifier().setSystem(SPEC_SYSTEM).setValue(world.spec().describe()))
                .setDisplay("CareLink sandbox world generator"));
    return provenance;
  }

  /** The spec a stored marker names, if it names one. */
  static Optional<String> specOf(Provenance marker) {
    return marker.getEntity().stream()
        .map(entity -> entity.getWhat().getIdentifier())
        .filter(identifier -> SPEC_SYSTEM.equals(identifier.getSystem()))
        .map(Identifier::getValue)
        .findFirst();
  }
}
