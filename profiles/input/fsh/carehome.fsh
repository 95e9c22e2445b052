// Care home resident, care home (Organization, Location) and stay (EpisodeOfCare).
// Identifier systems mirror UK Core (https://fhir.nhs.uk/Id/...) on base R4; see namingsystems.fsh.

Profile: CareHomeResident
Parent: Patient
Id: carehome-resident
Title: "Care home resident"
Description: "A person living (or who lived) in a care home, as the home records them: NHS or CHI number, GP practice, managing care home; death and place of death."
* obeys carehome-resident-1
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "By system: NHS number, CHI number (URI or OID), the home's own resident id"
* identifier contains nhsNumber 0..1 MS and chiNumber 0..1 MS and chiNumberOid 0..1 and residentId 0..1 MS
* identifier[nhsNumber].system 1..1
* identifier[nhsNumber].system = $nhs-number (exactly)
* identifier[nhsNumber].value 1..1
* identifier[nhsNumber] obeys nhs-number-1
* identifier[chiNumber].system 1..1
* identifier[chiNumber].system = $chi-number (exactly)
* identifier[chiNumber].value 1..1
* identifier[chiNumber] obeys chi-number-1 and chi-number-2
* identifier[chiNumberOid] ^short = "CHI number under its OID (accepted on input; CareLink writes the URI)"
* identifier[chiNumberOid].system 1..1
* identifier[chiNumberOid].system = $chi-oid (exactly)
* identifier[chiNumberOid].value 1..1
* identifier[chiNumberOid] obeys chi-number-1 and chi-number-2
* identifier[residentId].system 1..1
* identifier[residentId].system = $resident-id (exactly)
* identifier[residentId].value 1..1
* identifier[residentId].assigner 1..1
* identifier[residentId].assigner only Reference(CareHomeOrganization)
* name 1..* MS
* name.family 1..1 MS
* gender 1..1 MS
* birthDate 1..1 MS
* address MS
* address ^short = "Addresses; the previous home address (use = old) carries the previous postcode"
* generalPractitioner 0..1 MS
* generalPractitioner only Reference(Organization)
* generalPractitioner ^short = "The resident's GP practice (ODS code in identifier)"
* managingOrganization 1..1 MS
* managingOrganization only Reference(CareHomeOrganization)
* deceased[x] MS
* deceased[x] only dateTime
* extension contains PlaceOfDeathExtension named placeOfDeath 0..1 MS

Profile: CareHomeOrganization
Parent: Organization
Id: carehome-organization
Title: "Care home"
Description: "A registered care home: regulator id (CQC location id in England, Care Inspectorate service number in Scotland), ODS code where it has one, residential or nursing, registered beds."
* obeys carehome-organization-1
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains cqcLocationId 0..1 MS and careInspectorateNumber 0..1 MS and odsCode 0..1 MS
* identifier[cqcLocationId].system 1..1
* identifier[cqcLocationId].system = $cqc-location (exactly)
* identifier[cqcLocationId].value 1..1
* identifier[cqcLocationId] obeys cqc-location-id-1
* identifier[careInspectorateNumber].system 1..1
* identifier[careInspectorateNumber].system = $ci-service (exactly)
* identifier[careInspectorateNumber].value 1..1
* identifier[careInspectorateNumber] obeys ci-service-number-1
* identifier[odsCode].system 1..1
* identifier[odsCode].system = $ods-org (exactly)
* identifier[odsCode].value 1..1
* type 1..1 MS
* type from CareHomeTypeVS (required)
* name 1..1 MS
* extension contains RegisteredBeds named registeredBeds 0..1 MS

Profile: CareHomeLocation
Parent: Location
Id: carehome-location
Title: "Care home site"
Description: "The building of a care home, with its ODS site code where it has one."
* identifier MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains odsSiteCode 0..1 MS
* identifier[odsSiteCode].system 1..1
* identifier[odsSiteCode].system = $ods-site (exactly)
* identifier[odsSiteCode].value 1..1
* name 1..1 MS
* address MS
* managingOrganization 1..1 MS
* managingOrganization only Reference(CareHomeOrganization)

Profile: CareHomeStay
Parent: EpisodeOfCare
Id: carehome-stay
Title: "Stay in a care home"
Description: "A resident's stay in a care home: admission (period.start), discharge (period.end) and its reason, funding."
* obeys carehome-stay-1
* extension contains StayEndReasonExtension named endReason 0..1 MS and CareFundingExtension named funding 0..1 MS
* type 1..1 MS
* type from CareHomeStayTypeVS (required)
* type = CareLinkEpisodeType#care-home-stay
* patient MS
* patient only Reference(CareHomeResident)
* managingOrganization 1..1 MS
* managingOrganization only Reference(CareHomeOrganization)
* period 1..1 MS
* period.start 1..1 MS
* period.end MS
