package uk.carelink.server.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Behaviour of the FHIR REST API at {@code /fhir} ({@code carelink.fhir.*}).
 *
 * @param defaultPageSize search page size when the client gives no {@code _count}
 * @param maxPageSize largest {@code _count} honoured
 * @param maxRequestBody largest request body accepted; larger ones get 413 with an OperationOutcome
 *     before anything is parsed
 * @param serverAddress public base URL written into links (e.g. behind a proxy); empty means the
 *     address the request came in on
 */
@ConfigurationProperties("carelink.fhir")
public record FhirApiProperties(
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("200") int maxPageSize,
    @DefaultValue("20MB") DataSize maxRequestBody,
    @DefaultValue("") String serverAddress) {}
