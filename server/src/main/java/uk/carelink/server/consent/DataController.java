package uk.carelink.server.consent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.server.security.Party;

/**
 * The organisation that controls a resource (UK GDPR data controller), by its identifier. Stored on
 * every resource as a {@code meta.security} label whose system is the identifier's system and whose
 * code is its value, e.g. {@code https://fhir.nhs.uk/Id/ods-organization-code|S12345}, so it can be
 * searched with {@code _security}.
 */
public record DataController(String system, String value) {

  static final String LABEL_DISPLAY = "data controller";

  public static DataController of(Party party) {
    return new DataController(party.organizationSystem(), party.organizationValue());
  }

  /** The controller label on a resource, if it has one in one of the controller systems. */
  public static Optional<DataController> of(IBaseResource resource, Collection<String> systems) {
    if (!(resource instanceof Resource r) || !r.hasMeta()) {
      return Optional.empty();
    }
    return inLabels(r.getMeta().getSecurity(), systems).stream().findFirst();
  }

  /** The controllers these security labels name (labels in one of the controller systems). */
  public static List<DataController> inLabels(List<Coding> labels, Collection<String> systems) {
    List<DataController> controllers = new ArrayList<>();
    for (Coding label : labels) {
      if (label.hasSystem() && label.hasCode() && systems.contains(label.getSystem())) {
        controllers.add(new DataController(label.getSystem(), label.getCode()));
      }
    }
    return controllers;
  }

  /** The organisation a reference names by identifier, if it does. */
  public static Optional<DataController> of(Reference reference) {
    if (reference == null || !reference.hasIdentifier()) {
      return Optional.empty();
    }
    Identifier identifier = reference.getIdentifier();
    return identifier.hasSystem() && identifier.hasValue()
        ? Optional.of(new DataController(identifier.getSystem(), identifier.getValue()))
        : Optional.empty();
  }

  public Coding toLabel() {
    return new Coding(system, value, LABEL_DISPLAY);
  }

  public Identifier toIdentifier() {
    return new Identifier().setSystem(system).setValue(value);
  }

  /** {@code system|value}, as a FHIR token. */
  @Override
  public String toString() {
    return system + "|" + value;
  }
}
