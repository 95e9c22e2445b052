// Medication rounds (eMAR), hospital events (NHS side), consent and agreements, ingest provenance.

Profile: CareHomeMedicationAdministration
Parent: MedicationAdministration
Id: carehome-medication-administration
Title: "Medication administration (eMAR)"
Description: "One scheduled dose in a care home medication round and its outcome: given (completed) or not given (not-done, with the reason: refused, in hospital, not available). effectiveDateTime is when it was given, or the scheduled time when it was not (R4 requires effective[x])."
* obeys carehome-medication-administration-1 and carehome-medication-administration-2
* extension contains ScheduledTime named scheduledTime 1..1 MS
* status MS
* statusReason 0..1 MS
* statusReason from EmarNotGivenReasonVS (required)
* medication[x] MS
* medication[x] only CodeableConcept
* medicationCodeableConcept.text 1..1 MS
* medicationCodeableConcept ^short = "The product as the pharmacy supplied it (text); dm+d coding where known (dm+d is not loaded: not bound)"
* subject MS
* subject only Reference(CareHomeResident)
* effective[x] MS
* effective[x] only dateTime
* dosage 1..1 MS
* dosage.route 1..1 MS
* dosage.route from MedicationRouteVS (required)
* dosage.dose 1..1 MS
* dosage.dose.value 1..1
* dosage.dose.system 1..1
* dosage.dose.system = $ucum (exactly)
* dosage.dose.code 1..1
* dosage.dose.code from MedicationDoseUnitVS (required)

Profile: HospitalEncounter
Parent: Encounter
Id: hospital-encounter
Title: "Hospital admission or A&E attendance"
Description: "A hospital admission (class IMP) or A&E attendance (class EMER) pushed by the NHS side, with where the patient came from and went to."
* obeys hospital-encounter-1
* status MS
* class MS
* class from HospitalEncounterClassVS (required)
* subject 1..1 MS
* subject only Reference(Patient)
* period 1..1 MS
* period.start 1..1 MS
* period.end MS
* serviceProvider 1..1 MS
* serviceProvider ^short = "The hospital (ODS code in its identifier)"
* reasonReference MS
* reasonReference ^short = "E.g. the fall (Observation) that led to the attendance"
* hospitalization MS
* hospitalization.admitSource MS
* hospitalization.admitSource from HospitalAdmitSourceVS (required)
* hospitalization.dischargeDisposition MS
* hospitalization.dischargeDisposition from HospitalDischargeDispositionVS (required)

Profile: ResidentConsent
Parent: Consent
Id: resident-consent
Title: "Resident consent"
Description: "A resident's (or their welfare attorney's) decision about sharing their record: permit or deny, for which purposes, under which agreement (policy.uri)."
* scope MS
* scope = $consentscope#patient-privacy
* category 1..1 MS
// LOINC 59284-0 "Patient Consent": hl7.fhir.r4.core 4.0.1 ValueSet consent-category (also IHE
// Privacy Consent on FHIR).
* category from ResidentConsentCategoryVS (required)
* category = $loinc#59284-0
* patient 1..1 MS
* patient only Reference(CareHomeResident)
* dateTime 1..1 MS
* performer MS
* performer ^short = "Who gave the consent: the resident, or a welfare attorney or guardian"
* policy 1..* MS
* policy.uri 1..1 MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.period MS
* provision.purpose MS
* provision.purpose from ConsentPurposeVS (required)
* provision.actor MS
* provision.provision MS

Profile: DataSharingAgreement
Parent: Consent
Id: data-sharing-agreement
Title: "Data-sharing agreement"
Description: "An agreement-level permission (no patient): which organisations may see which classes of data, for which purposes, over which period, under which signed agreement (policy.uri)."
* scope MS
* scope = $consentscope#patient-privacy
* category 1..1 MS
* category from AgreementConsentCategoryVS (required)
* category = CareLinkConsentCategory#data-sharing-agreement
* patient 0..0
* dateTime 1..1 MS
* organization 1..* MS
* organization ^short = "The controllers party to the agreement"
* policy 1..1 MS
* policy.uri 1..1 MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.period 1..1 MS
* provision.actor 1..* MS
* provision.actor.reference only Reference(Organization)
* provision.purpose 1..* MS
* provision.purpose from ConsentPurposeVS (required)
* provision.class MS
* provision.class ^short = "Resource types covered (http://hl7.org/fhir/resource-types)"

Profile: IngestProvenance
Parent: Provenance
Id: ingest-provenance
Title: "Ingest provenance"
Description: "Where stored resources came from: the care home (author), the source system, the file or message, and the CareLink mapping version."
* extension contains MappingVersion named mappingVersion 0..1 MS
* target 1..* MS
* recorded MS
* agent 1..* MS
* agent.type 1..1 MS
* agent.type from ProvenanceAgentTypeVS (required)
* agent.who MS
* agent.who only Reference(Organization or Device)
* entity MS
* entity.what.identifier MS
