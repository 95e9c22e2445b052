package uk.carelink.server.audit;

import java.util.Set;

/**
 * What one request disclosed or was refused, as the audit record states it.
 *
 * @param outcome AuditEvent outcome code: 0 success, 4 refused or bad request, 8 server failure
 * @param outcomeText what happened, in words
 * @param disclosedPatients whom the returned resources are about
 * @param withheldPatients whom the resources consent withheld are about
 * @param decidingConsents the Consents that decided ({@code Consent/{id}})
 */
record Disclosure(
    String outcome,
    String outcomeText,
    Set<String> disclosedPatients,
    Set<String> withheldPatients,
    Set<String> decidingConsents) {}
