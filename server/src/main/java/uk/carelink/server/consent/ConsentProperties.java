package uk.carelink.server.consent;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consent-governed access ({@code carelink.consent.*}); the model is in docs/consent.md and ADR 11.
 *
 * @param enabled decide every disclosure with Consents and agreements. Off only to benchmark the
 *     cost of enforcement (bench/consent.sh): then every authenticated party sees everything its
 *     scopes allow, which no deployment may run with.
 * @param controllerIdentifierSystems identifier systems of organisations that control data (ODS,
 *     CQC, …). A resource's data controller is the security label in one of these systems.
 * @param unrestrictedRoles token roles that see every resource (the service desk that operates the
 *     server); their reads are audited like everyone's
 * @param adminOnlyTypes resource types without a patient that only unrestricted roles may read (the
 *     audit trail)
 * @param directCarePurposes purposes for which an agreement permits a party only for people it
 *     holds its own record of (a care relationship: its Patient is linked to the person)
 * @param firstPassHeadroom how many more results than a page the first pass of a filtered search
 *     loads, as a fraction of the page ({@code _count}), so that a few withheld results do not send
 *     HAPI into a second pass and a 500 ms wait (docs/consent.md, "Cost"); 0 turns it off
 * @param holdingsConnections connections of a pool of their own on which the first write of a type
 *     by a controller is recorded ({@code HoldingsConnectionPool}); not taken from the server's
 *     pool, which the write itself holds a connection of
 */
@ConfigurationProperties("carelink.consent")
public record ConsentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue({
          "https://fhir.nhs.uk/Id/ods-organization-code",
          "https://carelink.example.org/Id/cqc-location-id"
        })
        Set<String> controllerIdentifierSystems,
    @DefaultValue("admin") Set<String> unrestrictedRoles,
    @DefaultValue("AuditEvent") Set<String> adminOnlyTypes,
    @DefaultValue("TREAT") Set<String> directCarePurposes,
    @DefaultValue("0.5") double firstPassHeadroom,
    @DefaultValue("2") int holdingsConnections) {}
