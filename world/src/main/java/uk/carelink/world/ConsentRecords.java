package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The governance of a world (docs/consent.md): data-sharing agreements and residents' own
 * decisions, chosen so that every rule of the consent model is at work on day one.
 *
 * <ul>
 *   <li>each home shares its residents' records with the GP practice and the hospital for direct
 *       care, and with the analyst team for operations (the second home's analytics agreement has
 *       expired);
 *   <li>the GP practice and the hospital share their records with the homes and with each other for
 *       direct care (a party sees them only for people it holds a record of);
 *   <li>residents: some opted out of secondary use (national data opt-out: deny research and
 *       planning), some refused the hospital, some consented to research (some of those consents
 *       have expired), some withdrew a research consent (status inactive).
 * </ul>
 */
final class ConsentRecords {

  static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
  static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  static final String CONSENT_CATEGORY =
      WorldCodes.PROJECT + "/CodeSystem/carelink-consent-category";
  static final String AGREEMENTS = "https://carelink.example.org/agreements/";

  /** What each kind of resident decision is, for tests and documentation. */
  enum ResidentDecision {
    NATIONAL_OPT_OUT,
    REFUSED_HOSPITAL,
    RESEARCH,
    RESEARCH_EXPIRED,
    RESEARCH_WITHDRAWN
  }

  private static final List<String> CARE_RECORD_CLASSES =
      List.of("Patient", "EpisodeOfCare", "Observation", "MedicationAdministration");
  private static final List<String> NHS_RECORD_CLASSES = List.of("Patient", "Encounter");

  private final LocalDate referenceDate;

  ConsentRecords(LocalDate referenceDate) {
    this.referenceDate = referenceDate;
  }

  /** A home's agreements and its residents' decisions: one transaction, written by the home. */
  Bundle forHome(
      int homeIndex,
      PartyOrganization home,
      WorldParties parties,
      List<ResidentHistory> residents,
      long seed) {
    TransactionBuilder transaction = new TransactionBuilder();
    String prefix = "dsa-ch" + homeIndex;
    transaction.put(
        agreement(
            prefix + "-direct-care",
            home,
            List.of(parties.gpPractice(), parties.hospital()),
            "TREAT",
            CARE_RECORD_CLASSES,
            referenceDate.minusYears(2),
            referenceDate.plusYears(3)));
    boolean expired = homeIndex % 2 == 0;
    transaction.put(
        agreement(
            prefix + "-analytics",
            home,
            List.of(parties.analyst()),
            "HOPERAT",
            List.of("Patient", "EpisodeOfCare", "Observation"),
            referenceDate.minusYears(2),
            expired ? referenceDate.minusMonths(7) : referenceDate.plusYears(1)));
    for (ResidentHistory resident : residents) {
      Rng rng = Rng.forKey(seed, "home-" + homeIndex + "/consent/" + resident.residentId());
      int pick = rng.weighted(0.10, 0.05, 0.06, 0.03, 0.03, 0.73);
      if (pick < ResidentDecision.values().length) {
        transaction.put(residentConsent(resident, ResidentDecision.values()[pick], parties, rng));
      }
    }
    return transaction.build();
  }

  /** An NHS party's shared-care agreement: its records, for direct care, with the others. */
  Bundle forNhsParty(PartyOrganization nhs, List<PartyOrganization> recipients) {
    return new TransactionBuilder()
        .put(
            agreement(
                "dsa-" + nhs.clientId() + "-shared-care",
                nhs,
                recipients,
                "TREAT",
                NHS_RECORD_CLASSES,
                referenceDate.minusYears(2),
                referenceDate.plusYears(3)))
        .build();
  }

  static String residentConsentId(String residentId) {
    return "consent-" + residentId;
  }

  private Consent residentConsent(
      ResidentHistory resident, ResidentDecision decision, WorldParties parties, Rng rng) {
    Consent consent =
        base(residentConsentId(resident.residentId()), WorldCodes.RESIDENT_CONSENT_PROFILE);
    consent.addCategory(concept("http://loinc.org", "59284-0", "Patient Consent"));
    consent.setPatient(FhirValues.reference("Patient", resident.residentId()));
    consent.addPerformer(FhirValues.reference("Patient", resident.residentId()));
    LocalDate given = resident.stay().admitted().plusDays(rng.between(1, 30));
    consent.setDateTimeElement(at(given));
    ProvisionComponent provision = consent.getProvision();
    switch (decision) {
      case NATIONAL_OPT_OUT -> {
        consent.addPolicy().setUri("https://www.nhs.uk/your-nhs-data-matters/");
        provision.setType(ConsentProvisionType.DENY);
        provision.addPurpose(reason("HRESCH", "healthcare research"));
        provision.addPurpose(reason("HOPERAT", "healthcare operations"));
      }
      case REFUSED_HOSPITAL -> {
        consent.addPolicy().setUri(AGREEMENTS + "resident-sharing-choices");
        provision.setType(ConsentProvisionType.DENY);
        provision.addActor(actor(parties.hospital()));
      }
      case RESEARCH, RESEARCH_EXPIRED, RESEARCH_WITHDRAWN -> {
        consent.addPolicy().setUri(AGREEMENTS + "frailty-research-study");
        provision.setType(ConsentProvisionType.PERMIT);
        provision.addActor(actor(parties.analyst()));
        provision.addPurpose(reason("HRESCH", "healthcare research"));
        provision.addClass_(new Coding(RESOURCE_TYPES, "Observation", "Observation"));
        LocalDate end =
            decision == ResidentDecision.RESEARCH_EXPIRED
                ? referenceDate.minusMonths(2)
                : referenceDate.plusYears(2);
        provision.setPeriod(
            new Period()
                .setStartElement(at(given))
                .setEndElement(new DateTimeType(end.toString())));
        if (decision == ResidentDecision.RESEARCH_WITHDRAWN) {
          consent.setStatus(ConsentState.INACTIVE);
        }
      }
    }
    return consent;
  }

  private Consent agreement(
      String id,
      PartyOrganization grantor,
      List<PartyOrganization> recipients,
      String purpose,
      List<String> classes,
      LocalDate start,
      LocalDate end) {
    Consent consent = base(id, WorldCodes.DATA_SHARING_AGREEMENT_PROFILE);
    consent.addCategory(
        concept(CONSENT_CATEGORY, "data-sharing-agreement", "Data-sharing agreement"));
    consent.setDateTimeElement(at(start));
    consent.addOrganization(organization(grantor));
    recipients.forEach(recipient -> consent.addOrganization(organization(recipient)));
    consent.addPolicy().setUri(AGREEMENTS + id);
    ProvisionComponent provision = consent.getProvision();
    provision.setType(ConsentProvisionType.PERMIT);
    provision.setPeriod(
        new Period()
            .setStartElement(new DateTimeType(start.toString()))
            .setEndElement(new DateTimeType(end.toString())));
    recipients.forEach(recipient -> provision.addActor(actor(recipient)));
    provision.addPurpose(reason(purpose, null));
    classes.forEach(type -> provision.addClass_(new Coding(RESOURCE_TYPES, type, type)));
    return consent;
  }

  private static Consent base(String id, String profile) {
    Consent consent = new Consent();
    consent.setId(id);
    consent.getMeta().addProfile(profile);
    consent.setStatus(ConsentState.ACTIVE);
    consent.setScope(concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
    return consent;
  }

  private static Consent.provisionActorComponent actor(PartyOrganization party) {
    return new Consent.provisionActorComponent()
        .setRole(concept(PARTICIPATION, "IRCP", "information recipient"))
        .setReference(organization(party));
  }

  private static Reference organization(PartyOrganization party) {
    return new Reference(party.organizationReference())
        .setIdentifier(FhirValues.identifier(party.identifierSystem(), party.identifierValue()))
        .setDisplay(party.name());
  }

  private static Coding reason(String code, String display) {
    return new Coding(ACT_REASON, code, display);
  }

  private static DateTimeType at(LocalDate day) {
    return FhirValues.dateTime(day.atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.UTC));
  }
}
