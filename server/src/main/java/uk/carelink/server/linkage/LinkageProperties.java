package uk.carelink.server.linkage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Record linkage of Patients with HAPI MDM ({@code carelink.linkage.*}); see ADR 9.
 *
 * @param enabled run MDM for Patient: golden records, links, the {@code $mdm-*} operations
 * @param rules where the versioned MDM rules file is (a Spring resource location)
 * @param candidateSearchLimit candidates MDM scores per incoming Patient before it gives up
 * @param queueInterval how often HAPI hands stored resources to the subscription matcher and so to
 *     MDM (HAPI's default is 5 s, which is then the delay before a link exists)
 */
@Validated
@ConfigurationProperties("carelink.linkage")
public record LinkageProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:linkage/mdm-rules.json") String rules,
    @DefaultValue("1000") @Min(1) @Max(100_000) int candidateSearchLimit,
    @DefaultValue("500ms") Duration queueInterval) {

  static final Duration DEFAULT_QUEUE_INTERVAL = Duration.ofMillis(500);
}
