package uk.carelink.world;

/**
 * The event rates the simulation aims at, per resident-year unless said otherwise. The figures and
 * their sources are in docs/sandbox-world.md; tests check that a generated world lands near them.
 *
 * @param deaths share of residents who die within a year
 * @param moves permanent moves out (to another home or a long hospital stay)
 * @param falls mean falls (individual rates vary: most residents rarely fall, a few fall often)
 * @param deteriorations episodes of acute illness, each recorded with NEWS2 and soft signs
 * @param otherEmergencies A&amp;E attendances not caused by a fall or a recorded deterioration
 * @param unplannedWeightLossShare share of residents on a steady weight-losing course
 */
public record Rates(
    double deaths,
    double moves,
    double falls,
    double deteriorations,
    double otherEmergencies,
    double unplannedWeightLossShare) {

  public static Rates ukCareHomes() {
    return new Rates(0.28, 0.04, 1.6, 1.8, 0.45, 0.17);
  }

  double daily(double perYear) {
    return perYear / 365.0;
  }
}
