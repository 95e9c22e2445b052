package uk.carelink.server.audit;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail ({@code carelink.audit.*}): an AuditEvent for every FHIR request, written off the
 * request path.
 *
 * @param queueCapacity AuditEvents waiting to be stored; when full, requests wait for room (the
 *     bound on how long a request can wait for its audit record), none is dropped
 * @param batchSize AuditEvents stored per database round trip
 * @param flushInterval the longest an AuditEvent waits in the queue before it is stored
 */
@Validated
@ConfigurationProperties("carelink.audit")
public record AuditProperties(
    @DefaultValue("10000") @Min(1) int queueCapacity,
    @DefaultValue("200") @Min(1) int batchSize,
    @DefaultValue("200ms") Duration flushInterval) {}
