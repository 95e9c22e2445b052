// Identifier systems. NHS number and ODS codes are the NHS's own (https://fhir.nhs.uk/Id/...);
// CHI number, CQC location id, Care Inspectorate service number and care home resident ids have no
// national FHIR system, so the project publishes its choice here (DOMAIN.md).

Instance: chi-number
InstanceOf: NamingSystem
Usage: #definition
* name = "CHINumber"
* status = #active
* kind = #identifier
* date = "2026-11-24"
* description = "Community Health Index number (Scotland). CareLink writes https://fhir.nhs.uk/Id/chi-number (as a draft HL7 UK IG does) and also accepts the OID on input."
* uniqueId[0].type = #uri
* uniqueId[0].value = "https://fhir.nhs.uk/Id/chi-number"
* uniqueId[0].preferred = true
* uniqueId[1].type = #oid
* uniqueId[1].value = "2.16.840.1.113883.2.1.3.2.4.16.53"
* uniqueId[1].preferred = false

Instance: cqc-location-id
InstanceOf: NamingSystem
Usage: #definition
* name = "CQCLocationId"
* status = #active
* kind = #identifier
* date = "2026-11-24"
* description = "Care Quality Commission location id of a registered care home in England (format 1-#########)."
* uniqueId[0].type = #uri
* uniqueId[0].value = "https://carelink.example.org/Id/cqc-location-id"
* uniqueId[0].preferred = true

Instance: care-inspectorate-service-number
InstanceOf: NamingSystem
Usage: #definition
* name = "CareInspectorateServiceNumber"
* status = #active
* kind = #identifier
* date = "2026-11-24"
* description = "Care Inspectorate (Scotland) service number (CS number) of a registered care service."
* uniqueId[0].type = #uri
* uniqueId[0].value = "https://carelink.example.org/Id/care-inspectorate-service-number"
* uniqueId[0].preferred = true

Instance: carehome-resident-id
InstanceOf: NamingSystem
Usage: #definition
* name = "CareHomeResidentId"
* status = #active
* kind = #identifier
* date = "2026-11-24"
* description = "A care home record system's own resident identifier (e.g. R1001). Unique only within one home: the identifier's assigner names the home."
* uniqueId[0].type = #uri
* uniqueId[0].value = "https://carelink.example.org/Id/carehome-resident-id"
* uniqueId[0].preferred = true
