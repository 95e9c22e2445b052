// The project's own concepts. Used where no code from an external terminology could be verified
// offline (DOMAIN.md lists candidate SNOMED CT codes, several marked ⚠; none of them could be
// checked against the UK SNOMED CT release from this build, so none is bound: see
// docs/profiles-coverage.md). Each concept here is defined by this project; its definition says
// what it means so that it can be mapped to SNOMED CT once verified.
// URLs: https://carelink.example.org/fhir/CodeSystem/<id>

CodeSystem: CareLinkObservationCodes
Id: carelink-observation
Title: "CareLink observation codes"
Description: "Codes for the care home assessments, scores and incident facts that CareLink profiles carry."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #must-score "MUST score" "Malnutrition Universal Screening Tool total score, 0 to 6 (0 low, 1 medium, 2 or more high risk of malnutrition)."
* #waterlow-score "Waterlow score" "Waterlow pressure ulcer risk assessment total score (10 or more at risk, 15 or more high risk, 20 or more very high risk)."
* #cfs-score "Clinical Frailty Scale score" "Clinical Frailty Scale (Rockwood) category, 1 (very fit) to 9 (terminally ill)."
* #news2-score "NEWS2 score" "National Early Warning Score 2 total score, 0 to 20."
* #soft-signs "Soft signs" "Soft signs of deterioration noticed by care staff (RESTORE2), recorded with an early warning score."
* #fall "Fall" "A fall of a resident, as recorded in the care home's incident log."
* #fall-injury "Injury from fall" "How severe the injury resulting from the fall was."
* #fall-witnessed "Fall witnessed" "Whether a member of staff saw the fall happen."
* #fall-hospital-attendance "Hospital attendance after fall" "Whether the resident was taken to hospital (A&E) after the fall."
* #fall-place "Place of fall" "Where in the home the fall happened, as the home describes it."

CodeSystem: CareHomeType
Id: carehome-type
Title: "Care home type"
Description: "Whether a care home provides nursing care (registered as a care home with nursing) or not."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #residential "Residential care home" "Care home without nursing."
* #nursing "Nursing home" "Care home with nursing."

CodeSystem: StayEndReason
Id: stay-end-reason
Title: "Care home stay end reason"
Description: "Why a resident's stay in a care home ended."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #died "Died" "The resident died."
* #hospital "Transferred to hospital" "The resident was admitted to hospital and the stay was ended."
* #other-care-home "Moved to another care home" "The resident moved to another care home."
* #other "Other" "Any other reason (returned home, moved out of area...)."

CodeSystem: CareFunding
Id: care-funding
Title: "Care funding"
Description: "Who pays for a resident's stay in a care home."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #local-authority "Local authority" "Funded (wholly or in part) by a local authority."
* #self-funded "Self-funded" "Paid by the resident or their family."
* #nhs-continuing-care "NHS continuing healthcare" "Funded by the NHS as continuing healthcare."

CodeSystem: FallInjurySeverity
Id: fall-injury-severity
Title: "Fall injury severity"
Description: "Severity of the injury resulting from a fall, as care home incident logs record it."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #none "No injury" "No injury found."
* #minor "Minor injury" "Minor injury (e.g. bruise, graze, skin tear) treated in the home."
* #moderate "Moderate injury" "Injury needing medical attention."
* #severe "Severe injury" "Serious injury (e.g. fracture, head injury)."

CodeSystem: EmarOutcome
Id: emar-outcome
Title: "Medication administration outcome"
Description: "Outcome of a scheduled administration in a care home's medication round (eMAR)."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #administered "Administered" "The dose was given."
* #refused "Refused" "The resident refused the dose."
* #in-hospital "Resident in hospital" "Not given because the resident was in hospital."
* #not-available "Medicine not available" "Not given because the medicine was not available in the home."

CodeSystem: MedicationRoute
Id: medication-route
Title: "Medication route (care home)"
Description: "Routes of administration used in care home medication records."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #oral "Oral" "By mouth."
* #sublingual "Sublingual" "Under the tongue."
* #topical "Topical" "Applied to the skin."
* #transdermal "Transdermal" "By a patch through the skin."
* #subcutaneous "Subcutaneous" "Injected under the skin."
* #inhaled "Inhaled" "Breathed in."
* #rectal "Rectal" "Into the rectum."
* #eye "Eye" "Into the eye."
* #ear "Ear" "Into the ear."
* #nasal "Nasal" "Into the nose."
* #enteral-tube "Enteral tube" "Through a feeding tube (PEG, nasogastric)."

CodeSystem: PlaceOfDeath
Id: place-of-death
Title: "Place of death"
Description: "Where a resident died (no UK Core element or code list exists for this)."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #care-home "Care home" "In the care home."
* #hospital "Hospital" "In a hospital."
* #hospice "Hospice" "In a hospice."
* #home "Home" "At home (the person's own or a relative's)."
* #other "Other" "Elsewhere."

CodeSystem: CareLinkEpisodeType
Id: carelink-episode-type
Title: "CareLink episode of care type"
Description: "Kinds of EpisodeOfCare that CareLink records."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #care-home-stay "Care home stay" "A resident's stay in a care home, from admission to discharge or death."

// Local codes of the sample care home exports (/work/shared/samples, see ../mappings later). They
// are the vendors' own values, written here so that ConceptMaps can translate them.

CodeSystem: SampleObservationMeasure
Id: sample-observation-measure
Title: "Sample export: observation measure"
Description: "The Measure column of the sample daily-observations export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #WEIGHT "Weight (kg)"
* #MUST "MUST score"
* #WATERLOW "Waterlow score"
* #CFS "Clinical Frailty Scale"
* #NEWS2 "NEWS2 total score"

CodeSystem: SampleEmarOutcome
Id: sample-emar-outcome
Title: "Sample export: eMAR outcome code"
Description: "The outcome_code column of the sample eMAR export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #A "Administered"
* #R "Refused"
* #H "Resident in hospital"
* #N "Medicine not available"

CodeSystem: SampleDischargeReason
Id: sample-discharge-reason
Title: "Sample export: discharge reason"
Description: "The Discharge Reason column of the sample resident register export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #"Died" "Died"
* #"Transferred to hospital" "Transferred to hospital"
* #"Moved to another care home" "Moved to another care home"

CodeSystem: SampleFunding
Id: sample-funding
Title: "Sample export: funding"
Description: "The Funding column of the sample resident register export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #"Local authority" "Local authority"
* #"Self-funded" "Self-funded"
* #"NHS continuing care" "NHS continuing care"

CodeSystem: SampleInjury
Id: sample-injury
Title: "Sample export: incident injury"
Description: "The Injury column of the sample incidents export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #None "None"
* #Minor "Minor"
* #Moderate "Moderate"
* #Severe "Severe"

CodeSystem: SampleRoute
Id: sample-route
Title: "Sample export: eMAR route"
Description: "The route column of the sample eMAR export (as eMAR systems write routes)."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #Oral "Oral"
* #Sublingual "Sublingual"
* #Topical "Topical"
* #Transdermal "Transdermal"
* #Subcutaneous "Subcutaneous"
* #Inhaled "Inhaled"
* #Rectal "Rectal"
* #Eye "Eye"
* #Ear "Ear"
* #Nasal "Nasal"
* #"PEG" "PEG (enteral tube)"

CodeSystem: SampleGender
Id: sample-gender
Title: "Sample export: gender"
Description: "The Gender column of the sample resident register export."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #Male "Male"
* #Female "Female"
* #Other "Other"
* #Unknown "Unknown"

CodeSystem: CareLinkConsentCategory
Id: carelink-consent-category
Title: "CareLink consent category"
Description: "Kinds of Consent that CareLink records besides a person's own consent."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #data-sharing-agreement "Data-sharing agreement" "An agreement between organisations permitting sharing of classes of data for purposes, recorded as a Consent without a patient."
