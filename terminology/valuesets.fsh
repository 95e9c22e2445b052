// ValueSets binding every coded element of the CareLink profiles. SNOMED CT and LOINC are not
// loaded in full: every ValueSet enumerates the codes it allows. External codes were checked
// against the FHIR R4 core package (hl7.fhir.r4.core 4.0.1, as shipped in HAPI's
// hapi-fhir-validation-resources-r4), which the build also uses as SUSHI's base; the source of
// each is cited beside it.

ValueSet: CareHomeTypeVS
Id: carehome-type
Title: "Care home type"
Description: "Residential or nursing care home."
* ^status = #active
* ^experimental = false
* include codes from system CareHomeType

ValueSet: StayEndReasonVS
Id: stay-end-reason
Title: "Care home stay end reason"
Description: "Why a care home stay ended."
* ^status = #active
* ^experimental = false
* include codes from system StayEndReason

ValueSet: CareFundingVS
Id: care-funding
Title: "Care funding"
Description: "Who funds a care home stay."
* ^status = #active
* ^experimental = false
* include codes from system CareFunding

ValueSet: CareHomeStayTypeVS
Id: carehome-stay-type
Title: "Care home stay episode type"
Description: "The EpisodeOfCare type of a care home stay."
* ^status = #active
* ^experimental = false
* CareLinkEpisodeType#care-home-stay

ValueSet: FallInjurySeverityVS
Id: fall-injury-severity
Title: "Fall injury severity"
Description: "Severity of injury from a fall."
* ^status = #active
* ^experimental = false
* include codes from system FallInjurySeverity

ValueSet: EmarNotGivenReasonVS
Id: emar-not-given-reason
Title: "Medication not given reason"
Description: "Why a scheduled dose was not given (the eMAR outcomes other than administered)."
* ^status = #active
* ^experimental = false
* EmarOutcome#refused
* EmarOutcome#in-hospital
* EmarOutcome#not-available

ValueSet: MedicationRouteVS
Id: medication-route
Title: "Medication route (care home)"
Description: "Routes of administration in care home medication records."
* ^status = #active
* ^experimental = false
* include codes from system MedicationRoute

ValueSet: PlaceOfDeathVS
Id: place-of-death
Title: "Place of death"
Description: "Where a resident died."
* ^status = #active
* ^experimental = false
* include codes from system PlaceOfDeath

ValueSet: BodyWeightCodeVS
Id: body-weight-code
Title: "Body weight code"
Description: "The code of a body weight observation."
* ^status = #active
* ^experimental = false
// LOINC 29463-7: fixed code of the FHIR R4 core bodyweight profile (hl7.fhir.r4.core 4.0.1,
// StructureDefinition/bodyweight, Observation.code.coding:BodyWeightCode.code).
* $loinc#29463-7 "Body weight"

ValueSet: BodyWeightUnitVS
Id: body-weight-unit
Title: "Body weight unit"
Description: "Weights are recorded in kilograms only, so that trends (unplanned loss over 5 %) compare like with like."
* ^status = #active
* ^experimental = false
// UCUM kg: as in the FHIR R4 core bodyweight profile's units (ValueSet ucum-bodyweight).
* $ucum#kg "kilogram"

ValueSet: MedicationDoseUnitVS
Id: medication-dose-unit
Title: "Medication dose unit"
Description: "UCUM units for doses given in care homes."
* ^status = #active
* ^experimental = false
// UCUM (https://ucum.org) units; UCUM codes are checked by the validator's UCUM service.
* $ucum#mg "milligram"
* $ucum#g "gram"
* $ucum#ug "microgram"
* $ucum#mL "milliliter"
* $ucum#[iU] "international unit"
* $ucum#{tablet} "tablet"
* $ucum#{capsule} "capsule"
* $ucum#{puff} "puff"
* $ucum#{drop} "drop"
* $ucum#{patch} "patch"

ValueSet: HospitalEncounterClassVS
Id: hospital-encounter-class
Title: "Hospital encounter class"
Description: "Hospital admission (inpatient) or A&E attendance (emergency)."
* ^status = #active
* ^experimental = false
// v3-ActCode IMP "inpatient encounter" and EMER "emergency": hl7.fhir.r4.core 4.0.1,
// CodeSystem v3-ActCode (ValueSet v3-ActEncounterCode).
* $v3-ActCode#IMP "inpatient encounter"
* $v3-ActCode#EMER "emergency"

ValueSet: HospitalAdmitSourceVS
Id: hospital-admit-source
Title: "Hospital admission source"
Description: "Where a resident came from into hospital. UK Core's admission source codes (e.g. 54, 65, 85 for care homes) are not available offline; the FHIR core codes are used instead."
* ^status = #active
* ^experimental = false
// hl7.fhir.r4.core 4.0.1, CodeSystem admit-source.
* $admit-source#nursing "From nursing home"
* $admit-source#emd "From accident/emergency department"
* $admit-source#gp "General Practitioner referral"
* $admit-source#other "Other"

ValueSet: HospitalDischargeDispositionVS
Id: hospital-discharge-disposition
Title: "Hospital discharge destination"
Description: "Where a resident went on leaving hospital (FHIR core codes; UK Core's discharge destination codes are not available offline)."
* ^status = #active
* ^experimental = false
// hl7.fhir.r4.core 4.0.1, CodeSystem discharge-disposition.
* $discharge-disposition#home "Home"
* $discharge-disposition#long "Long-term care"
* $discharge-disposition#snf "Skilled nursing facility"
* $discharge-disposition#other-hcf "Other healthcare facility"
* $discharge-disposition#hosp "Hospice"
* $discharge-disposition#exp "Expired"
* $discharge-disposition#oth "Other"

ValueSet: ConsentPurposeVS
Id: consent-purpose
Title: "Consent purpose of use"
Description: "Purposes for which a resident's data may be shared (HL7 v3 ActReason)."
* ^status = #active
* ^experimental = false
// hl7.fhir.r4.core 4.0.1, CodeSystem v3-ActReason.
* $v3-ActReason#TREAT "treatment"
* $v3-ActReason#HOPERAT "healthcare operations"
* $v3-ActReason#HRESCH "healthcare research"
* $v3-ActReason#PUBHLTH "public health"

ValueSet: SampleObservationMeasureVS
Id: sample-observation-measure
Title: "Sample export: observation measure"
Description: "Local measure codes of the sample daily-observations export."
* ^status = #active
* ^experimental = false
* include codes from system SampleObservationMeasure

ValueSet: SampleEmarOutcomeVS
Id: sample-emar-outcome
Title: "Sample export: eMAR outcome code"
Description: "Local outcome codes of the sample eMAR export."
* ^status = #active
* ^experimental = false
* include codes from system SampleEmarOutcome

ValueSet: SampleDischargeReasonVS
Id: sample-discharge-reason
Title: "Sample export: discharge reason"
Description: "Local discharge reasons of the sample resident register."
* ^status = #active
* ^experimental = false
* include codes from system SampleDischargeReason

ValueSet: SampleFundingVS
Id: sample-funding
Title: "Sample export: funding"
Description: "Local funding values of the sample resident register."
* ^status = #active
* ^experimental = false
* include codes from system SampleFunding

ValueSet: SampleInjuryVS
Id: sample-injury
Title: "Sample export: incident injury"
Description: "Local injury values of the sample incidents export."
* ^status = #active
* ^experimental = false
* include codes from system SampleInjury

ValueSet: SampleRouteVS
Id: sample-route
Title: "Sample export: eMAR route"
Description: "Local route values of the sample eMAR export."
* ^status = #active
* ^experimental = false
* include codes from system SampleRoute

ValueSet: SampleGenderVS
Id: sample-gender
Title: "Sample export: gender"
Description: "Local gender values of the sample resident register."
* ^status = #active
* ^experimental = false
* include codes from system SampleGender

ValueSet: CareLinkObservationCodesVS
Id: carelink-observation
Title: "CareLink observation codes"
Description: "All CareLink observation codes (target of the sample measure ConceptMap)."
* ^status = #active
* ^experimental = false
* include codes from system CareLinkObservationCodes

ValueSet: EmarOutcomeVS
Id: emar-outcome
Title: "Medication administration outcome"
Description: "All eMAR outcomes."
* ^status = #active
* ^experimental = false
* include codes from system EmarOutcome

ValueSet: ResidentConsentCategoryVS
Id: resident-consent-category
Title: "Resident consent category"
Description: "Category of a resident's consent."
* ^status = #active
* ^experimental = false
// LOINC 59284-0: hl7.fhir.r4.core 4.0.1, ValueSet consent-category.
* $loinc#59284-0 "Patient Consent"

ValueSet: AgreementConsentCategoryVS
Id: agreement-consent-category
Title: "Data-sharing agreement category"
Description: "Category of an agreement-level Consent."
* ^status = #active
* ^experimental = false
* CareLinkConsentCategory#data-sharing-agreement

ValueSet: ProvenanceAgentTypeVS
Id: provenance-agent-type
Title: "Ingest provenance agent type"
Description: "Roles of the agents of an ingest: the care home that authored the records, the system or mapping that assembled them."
* ^status = #active
* ^experimental = false
// hl7.fhir.r4.core 4.0.1, CodeSystem provenance-participant-type.
* $provenance-participant-type#author "Author"
* $provenance-participant-type#assembler "Assembler"
