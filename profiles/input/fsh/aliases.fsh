// Aliases shared by every FSH file (profiles and ../terminology).
// Canonical base of this package: https://carelink.example.org/fhir
Alias: $loinc = http://loinc.org
Alias: $ucum = http://unitsofmeasure.org
Alias: $obs-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ActReason = http://terminology.hl7.org/CodeSystem/v3-ActReason
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $consentpolicy = http://terminology.hl7.org/CodeSystem/consentpolicycodes
Alias: $admit-source = http://terminology.hl7.org/CodeSystem/admit-source
Alias: $discharge-disposition = http://terminology.hl7.org/CodeSystem/discharge-disposition
Alias: $provenance-participant-type = http://terminology.hl7.org/CodeSystem/provenance-participant-type
Alias: $nhs-number = https://fhir.nhs.uk/Id/nhs-number
Alias: $chi-number = https://fhir.nhs.uk/Id/chi-number
Alias: $chi-oid = urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53
Alias: $ods-org = https://fhir.nhs.uk/Id/ods-organization-code
Alias: $ods-site = https://fhir.nhs.uk/Id/ods-site-code
Alias: $cqc-location = https://carelink.example.org/Id/cqc-location-id
Alias: $ci-service = https://carelink.example.org/Id/care-inspectorate-service-number
Alias: $resident-id = https://carelink.example.org/Id/carehome-resident-id
Alias: $incident-id = https://carelink.example.org/Id/carehome-incident-id
