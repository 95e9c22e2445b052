// Care home observations: weight, MUST, Waterlow, Clinical Frailty Scale, NEWS2 (with soft signs),
// falls. Scores use CareLink codes: the SNOMED CT codes in DOMAIN.md (444297006 MUST ⚠,
// 278897004 Waterlow ⚠, 763264000 CFS, 1104051000000101 NEWS2, 1912002 Fall) could not be checked
// against the UK SNOMED CT release offline, so none is bound (docs/profiles-coverage.md).

Profile: CareHomeObservation
Parent: Observation
Id: carehome-observation
Title: "Care home observation (base)"
Description: "What every CareLink care home observation has: a resident as subject and a time. Abstract: claim one of the specific profiles."
* ^abstract = true
* status MS
* subject 1..1 MS
* subject only Reference(CareHomeResident)
* effective[x] 1..1 MS
* effective[x] only dateTime
* performer MS

Profile: CareHomeBodyWeight
Parent: CareHomeObservation
Id: carehome-body-weight
Title: "Body weight"
Description: "A resident's body weight in kilograms (LOINC 29463-7, as the FHIR core and UK Core weight profiles fix it)."
* category 1..1 MS
* category = $obs-category#vital-signs
* code MS
* code from BodyWeightCodeVS (required)
// LOINC 29463-7: hl7.fhir.r4.core 4.0.1 StructureDefinition/bodyweight fixes this code.
* code = $loinc#29463-7
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.value 1..1
* valueQuantity.system 1..1
* valueQuantity.system = $ucum (exactly)
* valueQuantity.code 1..1
* valueQuantity.code from BodyWeightUnitVS (required)
* valueQuantity obeys body-weight-1
// Restated from FHIR R4 core vitalsigns (hl7.fhir.r4.core 4.0.1 StructureDefinition/vitalsigns),
// which the HL7 validator also applies to every Observation coded LOINC 29463-7: a unit (1..1),
// vs-1 (day precision) and vs-3 (a component has a value); vs-2 holds as value[x] is 1..1. With
// them here the server validates a weight against this profile alone (docs/adr/0018).
* valueQuantity.unit 1..1
* effective[x] obeys body-weight-2
* component obeys body-weight-3

Profile: CareHomeMustScore
Parent: CareHomeObservation
Id: carehome-must-score
Title: "MUST score"
Description: "Malnutrition Universal Screening Tool score, 0 to 6 (0 low, 1 medium, 2 or more high risk)."
* category 1..1 MS
* category = $obs-category#survey
* code MS
* code from CareLinkObservationCodesVS (required)
* code = CareLinkObservationCodes#must-score
* value[x] 1..1 MS
* value[x] only integer
* valueInteger ^minValueInteger = 0
* valueInteger ^maxValueInteger = 6

Profile: CareHomeWaterlowScore
Parent: CareHomeObservation
Id: carehome-waterlow-score
Title: "Waterlow score"
Description: "Waterlow pressure ulcer risk score (10 or more at risk, 15 or more high, 20 or more very high risk)."
* category 1..1 MS
* category = $obs-category#survey
* code MS
* code from CareLinkObservationCodesVS (required)
* code = CareLinkObservationCodes#waterlow-score
* value[x] 1..1 MS
* value[x] only integer
* valueInteger ^minValueInteger = 0

Profile: CareHomeFrailtyScore
Parent: CareHomeObservation
Id: carehome-frailty-score
Title: "Clinical Frailty Scale score"
Description: "Clinical Frailty Scale category, 1 (very fit) to 9 (terminally ill)."
* category 1..1 MS
* category = $obs-category#survey
* code MS
* code from CareLinkObservationCodesVS (required)
* code = CareLinkObservationCodes#cfs-score
* value[x] 1..1 MS
* value[x] only integer
* valueInteger ^minValueInteger = 1
* valueInteger ^maxValueInteger = 9

Profile: CareHomeNews2Score
Parent: CareHomeObservation
Id: carehome-news2-score
Title: "NEWS2 score"
Description: "National Early Warning Score 2 total, 0 to 20, with the soft signs (RESTORE2) that prompted it."
* category 1..1 MS
* category = $obs-category#survey
* code MS
* code from CareLinkObservationCodesVS (required)
* code = CareLinkObservationCodes#news2-score
* value[x] 1..1 MS
* value[x] only integer
* valueInteger ^minValueInteger = 0
* valueInteger ^maxValueInteger = 20
* component 0..1 MS
* component ^short = "Soft signs of deterioration noticed by staff"
* component.code from CareLinkObservationCodesVS (required)
* component.code = CareLinkObservationCodes#soft-signs
* component.value[x] 1..1
* component.value[x] only string

Profile: CareHomeFall
Parent: CareHomeObservation
Id: carehome-fall
Title: "Fall"
Description: "A fall from the care home's incident log: when, where, whether witnessed, injury, hospital attendance. An Observation (not AdverseEvent or Condition): see ADR 8."
* identifier MS
* identifier ^short = "The home's incident number (system https://carelink.example.org/Id/carehome-incident-id)"
* code MS
* code from CareLinkObservationCodesVS (required)
* code = CareLinkObservationCodes#fall
* value[x] 0..0
* component 3..4 MS
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #closed
* component contains injury 1..1 MS and witnessed 1..1 MS and hospitalAttendance 1..1 MS and place 0..1 MS
* component.code from CareLinkObservationCodesVS (required)
* component[injury].code = CareLinkObservationCodes#fall-injury
* component[injury].value[x] 1..1
* component[injury].value[x] only CodeableConcept
* component[injury].value[x] from FallInjurySeverityVS (required)
* component[witnessed].code = CareLinkObservationCodes#fall-witnessed
* component[witnessed].value[x] 1..1
* component[witnessed].value[x] only boolean
* component[hospitalAttendance].code = CareLinkObservationCodes#fall-hospital-attendance
* component[hospitalAttendance].value[x] 1..1
* component[hospitalAttendance].value[x] only boolean
* component[place].code = CareLinkObservationCodes#fall-place
* component[place].value[x] 1..1
* component[place].value[x] only string
