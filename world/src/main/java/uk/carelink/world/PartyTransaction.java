package uk.carelink.world;

import org.hl7.fhir.r4.model.Bundle;

/**
 * A transaction bundle and the party that writes it: the party is the data controller of what the
 * bundle holds, so loaders must submit it as that party.
 *
 * @param party who writes it
 * @param label what it holds, for logs and file names (e.g. "carehome-a/resident ch1-b07-1")
 * @param bundle the transaction
 */
public record PartyTransaction(PartyOrganization party, String label, Bundle bundle) {}
