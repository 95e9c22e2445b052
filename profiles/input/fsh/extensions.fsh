// Extensions for what base R4 (and UK Core, which is mirrored rather than depended on) has no
// element for. URLs: https://carelink.example.org/fhir/StructureDefinition/<id>

Extension: RegisteredBeds
Id: registered-beds
Title: "Registered beds"
Description: "Number of beds the regulator registered the care home for (Capacity Tracker: beds maximum)."
Context: Organization
* value[x] 1..1
* value[x] only unsignedInt

Extension: StayEndReasonExtension
Id: stay-end-reason
Title: "Stay end reason"
Description: "Why a care home stay ended (died, transferred to hospital, moved to another home...)."
Context: EpisodeOfCare
* value[x] 1..1
* value[x] only CodeableConcept
* value[x] from StayEndReasonVS (required)

Extension: CareFundingExtension
Id: care-funding
Title: "Care funding"
Description: "Who funds the care home stay."
Context: EpisodeOfCare
* value[x] 1..1
* value[x] only CodeableConcept
* value[x] from CareFundingVS (required)

Extension: PlaceOfDeathExtension
Id: place-of-death
Title: "Place of death"
Description: "Where the resident died. UK Core has no element for it (DOMAIN.md)."
Context: Patient
* value[x] 1..1
* value[x] only CodeableConcept
* value[x] from PlaceOfDeathVS (required)

Extension: ScheduledTime
Id: scheduled-time
Title: "Scheduled administration time"
Description: "When the dose was due in the medication round (R4 MedicationAdministration has no element for it)."
Context: MedicationAdministration
* value[x] 1..1
* value[x] only dateTime

Extension: MappingVersion
Id: mapping-version
Title: "Mapping version"
Description: "Version of the CareLink mapping that turned a care home export into FHIR resources."
Context: Provenance
* value[x] 1..1
* value[x] only string
