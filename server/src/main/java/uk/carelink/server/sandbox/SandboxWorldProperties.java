package uk.carelink.server.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import uk.carelink.world.WorldSpec;

/**
 * The sandbox world loaded on first start ({@code carelink.sandbox.*}); off in production.
 *
 * @param enabled load the world when it is not there yet (false under the {@code prod} profile)
 * @param seed the world's seed: the same seed gives the same world
 * @param careHomes care homes; the first two are the sandbox parties carehome-a and carehome-b
 * @param bedsPerHome occupied beds per home (residents at any time)
 * @param referenceDate the world's "today", the last day of its history
 * @param months months of history
 * @param medicationRoundDays days of medication rounds (eMAR), ending on the reference date
 * @param loaderThreads transactions submitted at once after the organisations are stored
 * @param linkageWait how long a first load waits, after storing, for MDM to link every Patient it
 *     wrote (so that linked views and consent's care relationships hold when the server is ready);
 *     0 does not wait
 */
@Validated
@ConfigurationProperties("carelink.sandbox")
public record SandboxWorldProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("42") long seed,
    @DefaultValue("2") @Min(1) @Max(1000) int careHomes,
    @DefaultValue("40") @Min(1) @Max(500) int bedsPerHome,
    @DefaultValue("2026-10-31") LocalDate referenceDate,
    @DefaultValue("12") @Min(1) @Max(120) int months,
    @DefaultValue("7") @Min(0) @Max(366) int medicationRoundDays,
    @DefaultValue("2") @Min(1) @Max(16) int loaderThreads,
    @DefaultValue("5m") java.time.Duration linkageWait) {

  public WorldSpec worldSpec() {
    return new WorldSpec(seed, careHomes, bedsPerHome, referenceDate, months, medicationRoundDays);
  }
}
