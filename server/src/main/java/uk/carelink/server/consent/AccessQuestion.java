package uk.carelink.server.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/**
 * May this party, acting for this purpose, see this kind of data about these people, now?
 *
 * @param party the asking organisation
 * @param role the asking party's role (token claim)
 * @param purpose HL7 v3 ActReason code the request acts for
 * @param resourceType the class of data
 * @param codes the resource's codes (for provisions that name codes)
 * @param labels the resource's security labels
 * @param controller who controls the data, or null if no one does (HAPI bookkeeping)
 * @param patientIds whom the data is about; empty for data about no one
 * @param at when the question is asked (periods are checked against it)
 */
public record AccessQuestion(
    DataController party,
    String role,
    String purpose,
    String resourceType,
    List<Coding> codes,
    List<Coding> labels,
    DataController controller,
    Set<String> patientIds,
    Instant at) {}
