package uk.carelink.server.consent;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Turns a stored Consent into a {@link ConsentRule}. Organisations are matched by identifier: a
 * reference may carry it ({@code Reference.identifier}) or point at an Organization resource whose
 * identifier in a controller system is looked up in {@code organizations}.
 */
class ConsentRuleParser {

  private final Map<String, DataController> organizations;
  private final Collection<String> controllerSystems;

  /**
   * @param organizations Organization id → its identifier in a controller system
   */
  ConsentRuleParser(Map<String, DataController> organizations, Collection<String> controllers) {
    this.organizations = organizations;
    this.controllerSystems = controllers;
  }

  /** The rule, or empty if the Consent cannot govern anything (no provision, no grantor). */
  Optional<ConsentRule> parse(Consent consent) {
    if (consent.getStatus() != Consent.ConsentState.ACTIVE || !consent.hasProvision()) {
      return Optional.empty();
    }
    String id = "Consent/" + consent.getIdElement().getIdPart();
    Provision root = provision(consent.getProvision());
    if (consent.hasPatient()) {
      String patient = consent.getPatient().getReferenceElement().getIdPart();
      return patient == null
          ? Optional.empty()
          : Optional.of(new ConsentRule(id, patient, Set.of(), root));
    }
    Optional<DataController> writer = DataController.of(consent, controllerSystems);
    Set<DataController> grantors = new LinkedHashSet<>();
    for (Reference organization : consent.getOrganization()) {
      organization(organization).filter(o -> writer.isPresent()).ifPresent(grantors::add);
    }
    // Only the controller that recorded the agreement can grant its own data.
    grantors.removeIf(grantor -> !grantor.equals(writer.orElse(null)));
    return grantors.isEmpty()
        ? Optional.empty()
        : Optional.of(new ConsentRule(id, null, Set.copyOf(grantors), root));
  }

  private Provision provision(ProvisionComponent source) {
    List<Provision> children = new ArrayList<>();
    source.getProvision().forEach(child -> children.add(provision(child)));
    Set<DataController> actors = new LinkedHashSet<>();
    for (provisionActorComponent actor : source.getActor()) {
      // An actor that names no organisation we know matches no party (never everyone).
      actors.add(
          organization(actor.getReference())
              .orElse(
                  new DataController("urn:carelink:unknown", actor.getReference().getReference())));
    }
    Set<String> purposes = new LinkedHashSet<>();
    source.getPurpose().forEach(purpose -> purposes.add(purpose.getCode()));
    Set<String> classes = new LinkedHashSet<>();
    source.getClass_().forEach(type -> classes.add(type.getCode()));
    Set<String> codes = new LinkedHashSet<>();
    for (CodeableConcept code : source.getCode()) {
      code.getCoding().forEach(coding -> codes.add(Provision.key(coding)));
    }
    Set<String> labels = new LinkedHashSet<>();
    for (Coding label : source.getSecurityLabel()) {
      labels.add(Provision.key(label));
    }
    Period period = source.getPeriod();
    return new Provision(
        vote(source.getType()),
        period.hasStart() ? period.getStart().toInstant() : null,
        period.hasEnd() ? exclusiveEnd(period.getEndElement()) : null,
        Set.copyOf(actors),
        Set.copyOf(purposes),
        Set.copyOf(classes),
        Set.copyOf(codes),
        Set.copyOf(labels),
        List.copyOf(children));
  }

  private Optional<DataController> organization(Reference reference) {
    Optional<DataController> byIdentifier = DataController.of(reference);
    if (byIdentifier.isPresent()) {
      return byIdentifier;
    }
    if (reference != null
        && reference.hasReference()
        && "Organization".equals(reference.getReferenceElement().getResourceType())) {
      return Optional.ofNullable(organizations.get(reference.getReferenceElement().getIdPart()));
    }
    return Optional.empty();
  }

  private static Vote vote(ConsentProvisionType type) {
    if (type == null || type == ConsentProvisionType.NULL) {
      return null;
    }
    return type == ConsentProvisionType.DENY ? Vote.DENY : Vote.PERMIT;
  }

  /** A period ending on a date (or month, year) includes that whole day (month, year). */
  private static Instant exclusiveEnd(DateTimeType end) {
    Instant start = end.getValue().toInstant();
    TemporalPrecisionEnum precision = end.getPrecision();
    return switch (precision) {
      case YEAR ->
          end.getValue().toInstant().atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant();
      case MONTH -> start.atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
      case DAY -> start.plus(1, ChronoUnit.DAYS);
      default -> start.plus(1, ChronoUnit.MILLIS);
    };
  }
}
