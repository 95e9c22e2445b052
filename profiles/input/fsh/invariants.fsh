// Invariants (FHIRPath). The check digit rule is DOMAIN.md's: weights 10..2 on the first nine
// digits, check = 11 - (sum mod 11); 11 becomes 0; 10 is never valid (so "(11 - r) mod 11" must
// equal the tenth digit, which it cannot when it is 10).

Invariant: nhs-number-1
Description: "NHS number must be 10 digits with a valid modulus 11 check digit"
Severity: #error
Expression: "value.matches('^[0-9]{10}$') and ((11 - ((value.substring(0,1).toInteger() * 10 + value.substring(1,1).toInteger() * 9 + value.substring(2,1).toInteger() * 8 + value.substring(3,1).toInteger() * 7 + value.substring(4,1).toInteger() * 6 + value.substring(5,1).toInteger() * 5 + value.substring(6,1).toInteger() * 4 + value.substring(7,1).toInteger() * 3 + value.substring(8,1).toInteger() * 2) mod 11)) mod 11) = value.substring(9,1).toInteger()"

// CHI: ddmmyy birth date, two digits, a sex digit, a modulus 11 check digit (same weights).
Invariant: chi-number-1
Description: "CHI number must be 10 digits: a ddmmyy date, and a valid modulus 11 check digit"
Severity: #error
Expression: "value.matches('^(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{6}$') and ((11 - ((value.substring(0,1).toInteger() * 10 + value.substring(1,1).toInteger() * 9 + value.substring(2,1).toInteger() * 8 + value.substring(3,1).toInteger() * 7 + value.substring(4,1).toInteger() * 6 + value.substring(5,1).toInteger() * 5 + value.substring(6,1).toInteger() * 4 + value.substring(7,1).toInteger() * 3 + value.substring(8,1).toInteger() * 2) mod 11)) mod 11) = value.substring(9,1).toInteger()"

Invariant: chi-number-2
Description: "The ninth digit of a CHI number is odd for a male and even for a female resident"
Severity: #error
Expression: "%resource.gender.empty() or (%resource.gender != 'male' and %resource.gender != 'female') or ((value.substring(8,1).toInteger() mod 2 = 1) = (%resource.gender = 'male'))"

Invariant: carehome-resident-1
Description: "A place of death is recorded only for a resident who has died"
Severity: #error
Expression: "extension('https://carelink.example.org/fhir/StructureDefinition/place-of-death').exists() implies deceased.exists()"

Invariant: carehome-organization-1
Description: "A care home has a regulator identifier: a CQC location id (England) or a Care Inspectorate service number (Scotland)"
Severity: #error
Expression: "identifier.where(system = 'https://carelink.example.org/Id/cqc-location-id' or system = 'https://carelink.example.org/Id/care-inspectorate-service-number').exists()"

Invariant: cqc-location-id-1
Description: "CQC location id has the form 1-######### (digits after '1-')"
Severity: #error
Expression: "value.matches('^1-[0-9]{9,11}$')"

Invariant: ci-service-number-1
Description: "Care Inspectorate service number has the form CS followed by digits"
Severity: #error
Expression: "value.matches('^CS[0-9]{6,12}$')"

Invariant: carehome-stay-1
Description: "A stay with an end reason, or a finished stay, has an end date"
Severity: #error
Expression: "(extension('https://carelink.example.org/fhir/StructureDefinition/stay-end-reason').exists() or status = 'finished') implies period.end.exists()"

Invariant: body-weight-1
Description: "A body weight is more than 0 and less than 400 kg"
Severity: #error
Expression: "value > 0 and value < 400"

// vs-1 of FHIR R4 core vitalsigns (hl7.fhir.r4.core 4.0.1), same expression.
Invariant: body-weight-2
Description: "The time of a weight is precise to the day at least"
Severity: #error
Expression: "($this as dateTime).toString().length() >= 8"

// vs-3 of FHIR R4 core vitalsigns (hl7.fhir.r4.core 4.0.1), same expression.
Invariant: body-weight-3
Description: "A component of a weight has a value or says why it is absent"
Severity: #error
Expression: "value.exists() or dataAbsentReason.exists()"

Invariant: carehome-medication-administration-1
Description: "A dose that was not given says why (statusReason); a given dose has no not-given reason"
Severity: #error
Expression: "(status = 'not-done' implies statusReason.exists()) and (status = 'completed' implies statusReason.empty())"

Invariant: carehome-medication-administration-2
Description: "eMAR outcomes are recorded as completed (given), not-done (not given) or entered-in-error"
Severity: #error
Expression: "status = 'completed' or status = 'not-done' or status = 'entered-in-error'"

Invariant: hospital-encounter-1
Description: "A finished hospital encounter has an end date"
Severity: #error
Expression: "status = 'finished' implies period.end.exists()"
