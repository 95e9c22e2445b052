// ConceptMaps from the sample care home exports' local codes (/work/shared/samples) to the codes
// the CareLink profiles require. $translate answers from these; the
// mappings (../mappings/<format>/*.fml) translate with them and check codes against their sources.


Instance: sample-observation-measure-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample export measure to CareLink codes"
Description: "Maps the Measure column of the sample daily-observations export to LOINC (weight) and CareLink observation codes (scores)."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-observation-measure-to-carelink"
* name = "SampleObservationMeasureToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-observation-measure"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-observation-measure"
* group[0].target = "http://loinc.org"
// LOINC 29463-7: see ValueSet body-weight-code.
* group[0].element[0].code = #WEIGHT
* group[0].element[0].target[0].code = #29463-7
* group[0].element[0].target[0].display = "Body weight"
* group[0].element[0].target[0].equivalence = #equivalent
* group[1].source = "https://carelink.example.org/fhir/CodeSystem/sample-observation-measure"
* group[1].target = "https://carelink.example.org/fhir/CodeSystem/carelink-observation"
* group[1].element[0].code = #MUST
* group[1].element[0].target[0].code = #must-score
* group[1].element[0].target[0].equivalence = #equivalent
* group[1].element[1].code = #WATERLOW
* group[1].element[1].target[0].code = #waterlow-score
* group[1].element[1].target[0].equivalence = #equivalent
* group[1].element[2].code = #CFS
* group[1].element[2].target[0].code = #cfs-score
* group[1].element[2].target[0].equivalence = #equivalent
* group[1].element[3].code = #NEWS2
* group[1].element[3].target[0].code = #news2-score
* group[1].element[3].target[0].equivalence = #equivalent

Instance: sample-emar-outcome-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample eMAR outcome to CareLink outcome"
Description: "Maps the sample eMAR export's outcome_code to CareLink eMAR outcomes (A is given; the others set MedicationAdministration.status not-done with this reason)."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-emar-outcome-to-carelink"
* name = "SampleEmarOutcomeToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-emar-outcome"
* targetCanonical = "https://carelink.example.org/fhir/ValueSet/emar-outcome"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-emar-outcome"
* group[0].target = "https://carelink.example.org/fhir/CodeSystem/emar-outcome"
* group[0].element[0].code = #A
* group[0].element[0].target[0].code = #administered
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #R
* group[0].element[1].target[0].code = #refused
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #H
* group[0].element[2].target[0].code = #in-hospital
* group[0].element[2].target[0].equivalence = #equivalent
* group[0].element[3].code = #N
* group[0].element[3].target[0].code = #not-available
* group[0].element[3].target[0].equivalence = #equivalent

Instance: sample-discharge-reason-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample discharge reason to stay end reason"
Description: "Maps the sample resident register's Discharge Reason to CareLink stay end reasons."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-discharge-reason-to-carelink"
* name = "SampleDischargeReasonToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-discharge-reason"
* targetCanonical = "https://carelink.example.org/fhir/ValueSet/stay-end-reason"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-discharge-reason"
* group[0].target = "https://carelink.example.org/fhir/CodeSystem/stay-end-reason"
* group[0].element[0].code = #"Died"
* group[0].element[0].target[0].code = #died
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #"Transferred to hospital"
* group[0].element[1].target[0].code = #hospital
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #"Moved to another care home"
* group[0].element[2].target[0].code = #other-care-home
* group[0].element[2].target[0].equivalence = #equivalent

Instance: sample-funding-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample funding to care funding"
Description: "Maps the sample resident register's Funding to CareLink care funding."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-funding-to-carelink"
* name = "SampleFundingToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-funding"
* targetCanonical = "https://carelink.example.org/fhir/ValueSet/care-funding"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-funding"
* group[0].target = "https://carelink.example.org/fhir/CodeSystem/care-funding"
* group[0].element[0].code = #"Local authority"
* group[0].element[0].target[0].code = #local-authority
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #"Self-funded"
* group[0].element[1].target[0].code = #self-funded
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #"NHS continuing care"
* group[0].element[2].target[0].code = #nhs-continuing-care
* group[0].element[2].target[0].equivalence = #equivalent

Instance: sample-injury-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample injury to fall injury severity"
Description: "Maps the sample incidents export's Injury to CareLink fall injury severity."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-injury-to-carelink"
* name = "SampleInjuryToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-injury"
* targetCanonical = "https://carelink.example.org/fhir/ValueSet/fall-injury-severity"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-injury"
* group[0].target = "https://carelink.example.org/fhir/CodeSystem/fall-injury-severity"
* group[0].element[0].code = #None
* group[0].element[0].target[0].code = #none
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #Minor
* group[0].element[1].target[0].code = #minor
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #Moderate
* group[0].element[2].target[0].code = #moderate
* group[0].element[2].target[0].equivalence = #equivalent
* group[0].element[3].code = #Severe
* group[0].element[3].target[0].code = #severe
* group[0].element[3].target[0].equivalence = #equivalent

Instance: sample-emar-route-to-carelink
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample eMAR route to medication route"
Description: "Maps the sample eMAR export's route to CareLink medication routes."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-emar-route-to-carelink"
* name = "SampleEmarRouteToCareLink"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-route"
* targetCanonical = "https://carelink.example.org/fhir/ValueSet/medication-route"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-route"
* group[0].target = "https://carelink.example.org/fhir/CodeSystem/medication-route"
* group[0].element[0].code = #"Oral"
* group[0].element[0].target[0].code = #oral
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #"Sublingual"
* group[0].element[1].target[0].code = #sublingual
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #"Topical"
* group[0].element[2].target[0].code = #topical
* group[0].element[2].target[0].equivalence = #equivalent
* group[0].element[3].code = #"Transdermal"
* group[0].element[3].target[0].code = #transdermal
* group[0].element[3].target[0].equivalence = #equivalent
* group[0].element[4].code = #"Subcutaneous"
* group[0].element[4].target[0].code = #subcutaneous
* group[0].element[4].target[0].equivalence = #equivalent
* group[0].element[5].code = #"Inhaled"
* group[0].element[5].target[0].code = #inhaled
* group[0].element[5].target[0].equivalence = #equivalent
* group[0].element[6].code = #"Rectal"
* group[0].element[6].target[0].code = #rectal
* group[0].element[6].target[0].equivalence = #equivalent
* group[0].element[7].code = #"Eye"
* group[0].element[7].target[0].code = #eye
* group[0].element[7].target[0].equivalence = #equivalent
* group[0].element[8].code = #"Ear"
* group[0].element[8].target[0].code = #ear
* group[0].element[8].target[0].equivalence = #equivalent
* group[0].element[9].code = #"Nasal"
* group[0].element[9].target[0].code = #nasal
* group[0].element[9].target[0].equivalence = #equivalent
* group[0].element[10].code = #"PEG"
* group[0].element[10].target[0].code = #enteral-tube
* group[0].element[10].target[0].equivalence = #equivalent

Instance: sample-gender-to-administrative-gender
InstanceOf: ConceptMap
Usage: #definition
Title: "Sample gender to FHIR administrative gender"
Description: "Maps the sample resident register's Gender to FHIR administrative gender."
* url = "https://carelink.example.org/fhir/ConceptMap/sample-gender-to-administrative-gender"
* name = "SampleGenderToAdministrativeGender"
* status = #active
* experimental = false
* sourceCanonical = "https://carelink.example.org/fhir/ValueSet/sample-gender"
* targetCanonical = "http://hl7.org/fhir/ValueSet/administrative-gender"
* group[0].source = "https://carelink.example.org/fhir/CodeSystem/sample-gender"
// hl7.fhir.r4.core 4.0.1, CodeSystem administrative-gender.
* group[0].target = "http://hl7.org/fhir/administrative-gender"
* group[0].element[0].code = #Male
* group[0].element[0].target[0].code = #male
* group[0].element[0].target[0].equivalence = #equivalent
* group[0].element[1].code = #Female
* group[0].element[1].target[0].code = #female
* group[0].element[1].target[0].equivalence = #equivalent
* group[0].element[2].code = #Other
* group[0].element[2].target[0].code = #other
* group[0].element[2].target[0].equivalence = #equivalent
* group[0].element[3].code = #Unknown
* group[0].element[3].target[0].code = #unknown
* group[0].element[3].target[0].equivalence = #equivalent
