// Valid examples: each must validate with zero errors in the server and in the HL7 reference
// validator (tests in profiles/ and server/). Invalid cases live in profiles/invalid-examples/.
// Synthetic people only: NHS numbers in the 999 test range (DOMAIN.md).

Instance: example-carehome
InstanceOf: CareHomeOrganization
Title: "Example care home"
Usage: #example
* identifier[cqcLocationId].value = "1-123456789"
* identifier[odsCode].value = "VM1A2"
* type = CareHomeType#nursing "Nursing home"
* name = "Heather Court Nursing Home"
* extension[registeredBeds].valueUnsignedInt = 48

Instance: example-carehome-scotland
InstanceOf: CareHomeOrganization
Title: "Example care home (Scotland)"
Usage: #example
* identifier[careInspectorateNumber].value = "CS2003001025"
* type = CareHomeType#residential "Residential care home"
* name = "Birch Lodge"

Instance: example-carehome-site
InstanceOf: CareHomeLocation
Title: "Example care home site"
Usage: #example
* identifier[odsSiteCode].value = "VM1A2001"
* name = "Heather Court, main building"
* managingOrganization = Reference(example-carehome)

Instance: example-gp-practice
InstanceOf: Organization
Title: "Example GP practice"
Usage: #example
* identifier.system = $ods-org
* identifier.value = "S12345"
* name = "Leith Medical Practice"

Instance: example-resident
InstanceOf: CareHomeResident
Title: "Example resident (NHS number)"
Usage: #example
* identifier[nhsNumber].value = "9999772765"
* identifier[residentId].value = "R1001"
* identifier[residentId].assigner = Reference(example-carehome)
* name.family = "McIntosh"
* name.given = "William"
* name.prefix = "Mr"
* gender = #male
* birthDate = "1926-12-31"
* address.use = #old
* address.postalCode = "EH4 2XU"
* generalPractitioner = Reference(example-gp-practice)
* managingOrganization = Reference(example-carehome)

Instance: example-resident-chi
InstanceOf: CareHomeResident
Title: "Example resident (CHI number, died in the home)"
Usage: #example
* identifier[chiNumber].value = "1503360024"
* name.family = "Henderson"
* name.given = "Agnes"
* gender = #female
* birthDate = "1936-03-15"
* managingOrganization = Reference(example-carehome-scotland)
* deceasedDateTime = "2026-10-02T04:30:00Z"
* extension[placeOfDeath].valueCodeableConcept = PlaceOfDeath#care-home "Care home"

Instance: example-stay
InstanceOf: CareHomeStay
Title: "Example stay (current)"
Usage: #example
* status = #active
* type = CareLinkEpisodeType#care-home-stay "Care home stay"
* patient = Reference(example-resident)
* managingOrganization = Reference(example-carehome)
* period.start = "2024-11-19"
* extension[funding].valueCodeableConcept = CareFunding#nhs-continuing-care "NHS continuing healthcare"

Instance: example-stay-ended
InstanceOf: CareHomeStay
Title: "Example stay (ended by death)"
Usage: #example
* status = #finished
* type = CareLinkEpisodeType#care-home-stay "Care home stay"
* patient = Reference(example-resident-chi)
* managingOrganization = Reference(example-carehome-scotland)
* period.start = "2024-08-26"
* period.end = "2026-10-02"
* extension[endReason].valueCodeableConcept = StayEndReason#died "Died"
* extension[funding].valueCodeableConcept = CareFunding#local-authority "Local authority"

Instance: example-weight
InstanceOf: CareHomeBodyWeight
Title: "Example body weight"
Usage: #example
* status = #final
* category = $obs-category#vital-signs "Vital Signs"
* code = $loinc#29463-7 "Body weight"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-09-01T14:20:00+01:00"
* valueQuantity = 70.7 'kg' "kg"

Instance: example-must
InstanceOf: CareHomeMustScore
Title: "Example MUST score"
Usage: #example
* status = #final
* category = $obs-category#survey "Survey"
* code = CareLinkObservationCodes#must-score "MUST score"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-09-01T14:25:00+01:00"
* valueInteger = 1

Instance: example-waterlow
InstanceOf: CareHomeWaterlowScore
Title: "Example Waterlow score"
Usage: #example
* status = #final
* category = $obs-category#survey "Survey"
* code = CareLinkObservationCodes#waterlow-score "Waterlow score"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-09-01T14:30:00+01:00"
* valueInteger = 16

Instance: example-frailty
InstanceOf: CareHomeFrailtyScore
Title: "Example Clinical Frailty Scale score"
Usage: #example
* status = #final
* category = $obs-category#survey "Survey"
* code = CareLinkObservationCodes#cfs-score "Clinical Frailty Scale score"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-09-01T14:35:00+01:00"
* valueInteger = 7

Instance: example-news2
InstanceOf: CareHomeNews2Score
Title: "Example NEWS2 score with soft signs"
Usage: #example
* status = #final
* category = $obs-category#survey "Survey"
* code = CareLinkObservationCodes#news2-score "NEWS2 score"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-10-06T16:00:00+01:00"
* valueInteger = 5
* component.code = CareLinkObservationCodes#soft-signs "Soft signs"
* component.valueString = "More confused than usual, not eating"

Instance: example-fall
InstanceOf: CareHomeFall
Title: "Example fall"
Usage: #example
* identifier.system = $incident-id
* identifier.value = "INC-00001"
* status = #final
* code = CareLinkObservationCodes#fall "Fall"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-09-27T15:30:00+01:00"
* component[injury].code = CareLinkObservationCodes#fall-injury "Injury from fall"
* component[injury].valueCodeableConcept = FallInjurySeverity#severe "Severe injury"
* component[witnessed].code = CareLinkObservationCodes#fall-witnessed "Fall witnessed"
* component[witnessed].valueBoolean = true
* component[hospitalAttendance].code = CareLinkObservationCodes#fall-hospital-attendance "Hospital attendance after fall"
* component[hospitalAttendance].valueBoolean = true
* component[place].code = CareLinkObservationCodes#fall-place "Place of fall"
* component[place].valueString = "Corridor"

Instance: example-medication-given
InstanceOf: CareHomeMedicationAdministration
Title: "Example dose given"
Usage: #example
* extension[scheduledTime].valueDateTime = "2026-11-01T08:00:00Z"
* status = #completed
* medicationCodeableConcept.text = "Furosemide 40mg tablets"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-11-01T08:04:00Z"
* dosage.route = MedicationRoute#oral "Oral"
* dosage.dose = 40 'mg' "mg"

Instance: example-medication-refused
InstanceOf: CareHomeMedicationAdministration
Title: "Example dose refused"
Usage: #example
* extension[scheduledTime].valueDateTime = "2026-11-02T08:00:00Z"
* status = #not-done
* statusReason = EmarOutcome#refused "Refused"
* medicationCodeableConcept.text = "Paracetamol 500mg tablets"
* subject = Reference(example-resident)
* effectiveDateTime = "2026-11-02T08:00:00Z"
* dosage.route = MedicationRoute#oral "Oral"
* dosage.dose = 1 'g' "g"

Instance: example-hospital
InstanceOf: Organization
Title: "Example hospital"
Usage: #example
* identifier.system = $ods-org
* identifier.value = "S314H"
* name = "Royal Infirmary of Edinburgh"

Instance: example-ae-attendance
InstanceOf: HospitalEncounter
Title: "Example A&E attendance after a fall"
Usage: #example
* status = #finished
* class = $v3-ActCode#EMER "emergency"
* subject = Reference(example-resident)
* period.start = "2026-09-27T16:10:00+01:00"
* period.end = "2026-09-27T21:45:00+01:00"
* serviceProvider = Reference(example-hospital)
* reasonReference = Reference(example-fall)
* hospitalization.admitSource = $admit-source#nursing "From nursing home"
* hospitalization.dischargeDisposition = $discharge-disposition#long "Long-term care"

Instance: example-admission
InstanceOf: HospitalEncounter
Title: "Example emergency admission (ongoing)"
Usage: #example
* status = #in-progress
* class = $v3-ActCode#IMP "inpatient encounter"
* subject = Reference(example-resident)
* period.start = "2026-11-29T10:00:00Z"
* serviceProvider = Reference(example-hospital)
* hospitalization.admitSource = $admit-source#nursing "From nursing home"

Instance: example-resident-consent
InstanceOf: ResidentConsent
Title: "Example resident consent (direct care)"
Usage: #example
* status = #active
* scope = $consentscope#patient-privacy "Privacy Consent"
* category = $loinc#59284-0 "Patient Consent"
* patient = Reference(example-resident)
* dateTime = "2024-11-19T10:00:00Z"
* performer = Reference(example-resident)
* policy.uri = "https://carelink.example.org/agreements/lothian-shared-care-2024"
* provision.type = #permit
* provision.purpose = $v3-ActReason#TREAT "treatment"

Instance: example-data-sharing-agreement
InstanceOf: DataSharingAgreement
Title: "Example data-sharing agreement"
Usage: #example
* status = #active
* scope = $consentscope#patient-privacy "Privacy Consent"
* category = CareLinkConsentCategory#data-sharing-agreement "Data-sharing agreement"
* dateTime = "2024-06-01T09:00:00Z"
* organization[0] = Reference(example-carehome)
* organization[1] = Reference(example-hospital)
* policy.uri = "https://carelink.example.org/agreements/lothian-shared-care-2024"
* provision.type = #permit
* provision.period.start = "2024-06-01"
* provision.period.end = "2027-05-31"
* provision.actor.role = http://terminology.hl7.org/CodeSystem/v3-ParticipationType#IRCP "information recipient"
* provision.actor.reference = Reference(example-hospital)
* provision.purpose = $v3-ActReason#TREAT "treatment"
* provision.class = http://hl7.org/fhir/resource-types#Observation "Observation"

Instance: example-ingest-provenance
InstanceOf: IngestProvenance
Title: "Example ingest provenance"
Usage: #example
* target[0] = Reference(example-resident)
* target[1] = Reference(example-weight)
* recorded = "2026-11-24T06:00:00Z"
* agent[0].type = $provenance-participant-type#author "Author"
* agent[0].who = Reference(example-carehome)
* entity.role = #source
* entity.what.identifier.system = "https://carelink.example.org/Id/ingest-file"
* entity.what.identifier.value = "residents-2026-11-24.csv"
* extension[mappingVersion].valueString = "sample-export-1.0"
