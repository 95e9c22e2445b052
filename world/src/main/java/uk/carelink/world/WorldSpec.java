package uk.carelink.world;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate. The same spec always gives the same world, byte for byte: every random choice
 * is drawn from generators seeded by {@code seed} and a stable key (home, bed), and every date is
 * relative to {@code referenceDate}, never to the clock.
 *
 * @param seed the world's seed
 * @param careHomes number of care homes (the first two are the sandbox parties carehome-a, -b)
 * @param bedsPerHome occupied beds per home; residents come and go, so a home has about this many
 *     residents at any time and more over the months
 * @param referenceDate the world's "today": the last day of recorded history
 * @param months months of history before {@code referenceDate}
 * @param medicationRoundDays days of medication rounds (eMAR) recorded, ending on {@code
 *     referenceDate}
 */
public record WorldSpec(
    long seed,
    int careHomes,
    int bedsPerHome,
    LocalDate referenceDate,
    int months,
    int medicationRoundDays) {

  /**
   * Changes when the generator writes different data for the same spec (2: data controllers and
   * Consents), so that a sandbox loaded by an older generator asks to be reset.
   */
  public static final int GENERATOR_VERSION = 2;

  /** The sandbox's default: fixed so that every developer sees the same world. */
  public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 10, 31);

  public WorldSpec {
    Objects.requireNonNull(referenceDate, "referenceDate");
    requireRange("careHomes", careHomes, 1, 100_000);
    requireRange("bedsPerHome", bedsPerHome, 1, 500);
    requireRange("months", months, 1, 120);
    requireRange("medicationRoundDays", medicationRoundDays, 0, 366);
  }

  /** Two care homes of 40 beds, 12 months of history, 7 days of medication rounds. */
  public static WorldSpec sandboxDefault() {
    return new WorldSpec(42, 2, 40, DEFAULT_REFERENCE_DATE, 12, 7);
  }

  public WorldSpec withCareHomes(int homes) {
    return new WorldSpec(seed, homes, bedsPerHome, referenceDate, months, medicationRoundDays);
  }

  public WorldSpec withBedsPerHome(int beds) {
    return new WorldSpec(seed, careHomes, beds, referenceDate, months, medicationRoundDays);
  }

  public WorldSpec withSeed(long newSeed) {
    return new WorldSpec(
        newSeed, careHomes, bedsPerHome, referenceDate, months, medicationRoundDays);
  }

  /** First day of recorded history. */
  public LocalDate historyStart() {
    return referenceDate.minusMonths(months).plusDays(1);
  }

  /** First day with medication rounds recorded. */
  public LocalDate medicationRoundsStart() {
    return referenceDate.minusDays(medicationRoundDays - 1L);
  }

  /** A one-line description, recorded with a loaded world so a different spec is noticed. */
  public String describe() {
    return "seed="
        + seed
        + " careHomes="
        + careHomes
        + " bedsPerHome="
        + bedsPerHome
        + " referenceDate="
        + referenceDate
        + " months="
        + months
        + " medicationRoundDays="
        + medicationRoundDays
        + " generator="
        + GENERATOR_VERSION;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
