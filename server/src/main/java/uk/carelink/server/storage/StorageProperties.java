package uk.carelink.server.storage;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how FHIR resources are stored ({@code carelink.storage.*}).
 *
 * @param dataDir directory for the embedded database, used only when no {@code
 *     spring.datasource.url} is configured
 * @param embeddedDatabaseName name of the database created inside the embedded PostgreSQL
 * @param reuseCachedSearchResults how long HAPI may answer an identical search from a cached result
 *     list; zero (the default) always runs the query, so access changes show at once
 * @param expireSearchResultsAfter how long search result pages stay available for paging
 * @param deleteEnabled whether DELETE is allowed at all
 * @param allowMultipleDelete whether a conditional DELETE may remove more than one resource
 * @param expungeEnabled whether {@code $expunge} may physically remove data (off: history is
 *     evidence)
 * @param enforceReferentialIntegrityOnWrite reject writes that reference missing resources
 * @param autoCreatePlaceholderReferenceTargets create placeholders for missing reference targets
 * @param massIngestionMode trade conditional-create duplicate checks within one transaction for
 *     speed (see PERFORMANCE.md); off by default because care home pushes repeat residents
 * @param matchUrlCache cache conditional-create match URLs (may answer stale matches)
 * @param deleteConflictRetries how many times a DELETE that fails on a version conflict is run
 *     again before the client gets 409 ({@link RetriedDeleteConflicts}); 0 never
 */
@Validated
@ConfigurationProperties("carelink.storage")
public record StorageProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("carelink") String embeddedDatabaseName,
    @DefaultValue("0s") Duration reuseCachedSearchResults,
    @DefaultValue("1h") Duration expireSearchResultsAfter,
    @DefaultValue("true") boolean deleteEnabled,
    @DefaultValue("false") boolean allowMultipleDelete,
    @DefaultValue("false") boolean expungeEnabled,
    @DefaultValue("true") boolean enforceReferentialIntegrityOnWrite,
    @DefaultValue("false") boolean autoCreatePlaceholderReferenceTargets,
    @DefaultValue("false") boolean massIngestionMode,
    @DefaultValue("false") boolean matchUrlCache,
    @DefaultValue("3") @Min(0) int deleteConflictRetries) {}
