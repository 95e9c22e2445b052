package uk.carelink.server.validation;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * Invalid instances, at least one per profile: a valid package example with one thing broken, and
 * the reason a validator must give (a fragment of its message: constraint key, ValueSet or
 * element). Shared by the server validator test and the reference validator test.
 */
public record InvalidCases(
    String name, String exampleId, Consumer<Resource> breakIt, String expectedReason) {

  @Override
  public String toString() {
    return name;
  }

  /** The example with the defect applied (a copy). */
  public Resource instance(List<Resource> examples) {
    Resource copy =
        examples.stream()
            .filter(e -> e.getIdPart().equals(exampleId))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No example " + exampleId))
            .copy();
    breakIt.accept(copy);
    return copy;
  }

  public static Stream<InvalidCases> all() {
    return Stream.of(
        new InvalidCases(
            "resident with a bad NHS number check digit",
            "example-resident",
            r -> nhsNumber((Patient) r).setValue("9999772764"),
            "nhs-number-1"),
        new InvalidCases(
            "resident without a birth date",
            "example-resident",
            r -> ((Patient) r).setBirthDate(null),
            "Patient.birthDate: minimum required = 1"),
        new InvalidCases(
            "male resident with a female CHI number",
            "example-resident-chi",
            r ->
                ((Patient) r)
                    .setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE),
            "chi-number-2"),
        new InvalidCases(
            "care home with a malformed CQC location id",
            "example-carehome",
            r -> ((Organization) r).getIdentifierFirstRep().setValue("2-12"),
            "cqc-location-id-1"),
        new InvalidCases(
            "care home of a type outside the ValueSet",
            "example-carehome",
            r -> ((Organization) r).getTypeFirstRep().getCodingFirstRep().setCode("hospice"),
            "ValueSet/carehome-type"),
        new InvalidCases(
            "care home site without its care home",
            "example-carehome-site",
            r -> ((Location) r).setManagingOrganization(null),
            "Location.managingOrganization: minimum required = 1"),
        new InvalidCases(
            "stay without an admission date",
            "example-stay-ended",
            r -> ((EpisodeOfCare) r).getPeriod().setStartElement(null),
            "EpisodeOfCare.period.start: minimum required = 1"),
        new InvalidCases(
            "stay with funding outside the ValueSet",
            "example-stay",
            r ->
                ((EpisodeOfCare) r)
                    .getExtensionByUrl(CareLinkProfiles.EXT_CARE_FUNDING)
                    .setValue(
                        new org.hl7.fhir.r4.model.CodeableConcept(
                            new Coding(CareLinkProfiles.CS_CARE_FUNDING, "charity", null))),
            "ValueSet/care-funding"),
        new InvalidCases(
            "weight in pounds",
            "example-weight",
            r -> ((Observation) r).getValueQuantity().setCode("[lb_av]").setUnit("lb"),
            "ValueSet/body-weight-unit"),
        new InvalidCases(
            "weight without a unit (core vital signs rule)",
            "example-weight",
            r -> ((Observation) r).getValueQuantity().setUnit(null),
            "unit: minimum required = 1"),
        new InvalidCases(
            "weight dated to the month only (core vital signs vs-1)",
            "example-weight",
            r -> ((Observation) r).setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-09")),
            "body-weight-2"),
        new InvalidCases(
            "weight component without a value (core vital signs vs-3)",
            "example-weight",
            r ->
                ((Observation) r)
                    .addComponent()
                    .setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("tare")),
            "body-weight-3"),
        new InvalidCases(
            "MUST score above 6",
            "example-must",
            r -> ((Observation) r).setValue(new IntegerType(7)),
            "greater than permitted maximum value"),
        new InvalidCases(
            "negative Waterlow score",
            "example-waterlow",
            r -> ((Observation) r).setValue(new IntegerType(-1)),
            "less than permitted minimum value"),
        new InvalidCases(
            "Clinical Frailty Scale score 0",
            "example-frailty",
            r -> ((Observation) r).setValue(new IntegerType(0)),
            "less than permitted minimum value"),
        new InvalidCases(
            "NEWS2 score above 20",
            "example-news2",
            r -> ((Observation) r).setValue(new IntegerType(21)),
            "greater than permitted maximum value"),
        new InvalidCases(
            "fall with an injury outside the ValueSet",
            "example-fall",
            r ->
                ((Observation) r)
                    .getComponent()
                    .get(0)
                    .getValueCodeableConcept()
                    .getCodingFirstRep()
                    .setCode("catastrophic"),
            "ValueSet/fall-injury-severity"),
        new InvalidCases(
            "fall without saying whether it was witnessed",
            "example-fall",
            r -> ((Observation) r).getComponent().remove(1),
            "Slice 'Observation.component:witnessed': a matching slice is required"),
        new InvalidCases(
            "refused dose without a reason",
            "example-medication-refused",
            r -> ((MedicationAdministration) r).setStatusReason(List.of()),
            "carehome-medication-administration-1"),
        new InvalidCases(
            "dose in a unit outside the ValueSet",
            "example-medication-given",
            r -> ((MedicationAdministration) r).getDosage().getDose().setCode("[tbs_us]"),
            "ValueSet/medication-dose-unit"),
        new InvalidCases(
            "hospital encounter of class ambulatory",
            "example-ae-attendance",
            r -> ((org.hl7.fhir.r4.model.Encounter) r).getClass_().setCode("AMB"),
            "ValueSet/hospital-encounter-class"),
        new InvalidCases(
            "resident consent for an unknown purpose",
            "example-resident-consent",
            r -> ((Consent) r).getProvision().getPurposeFirstRep().setCode("XYZ"),
            "ValueSet/consent-purpose"),
        new InvalidCases(
            "data-sharing agreement about one patient",
            "example-data-sharing-agreement",
            r -> ((Consent) r).setPatient(new Reference("Patient/example-resident")),
            "Consent.patient: max allowed = 0"),
        new InvalidCases(
            "provenance agent without a type",
            "example-ingest-provenance",
            r -> ((Provenance) r).getAgentFirstRep().setType(null),
            "Provenance.agent.type: minimum required = 1"));
  }

  private static org.hl7.fhir.r4.model.Identifier nhsNumber(Patient patient) {
    return patient.getIdentifier().stream()
        .filter(i -> CareLinkProfiles.NHS_NUMBER.equals(i.getSystem()))
        .findFirst()
        .orElseThrow();
  }
}
