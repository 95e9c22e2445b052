package uk.carelink.world;

import java.time.LocalTime;
import java.util.List;

/**
 * A regular medicine on a resident's chart, with its round times. Products are named in text only:
 * dm+d codes are not bound until they can be verified against a dm+d release.
 */
public record Medicine(
    String name, double dose, String doseUnit, String route, List<LocalTime> times) {

  public Medicine {
    times = List.copyOf(times);
  }

  private static final LocalTime MORNING = LocalTime.of(8, 0);
  private static final LocalTime LUNCH = LocalTime.of(12, 0);
  private static final LocalTime TEA = LocalTime.of(17, 0);
  private static final LocalTime NIGHT = LocalTime.of(22, 0);

  /** Medicines commonly on care home charts, with usual schedules. */
  static final List<Medicine> FORMULARY =
      List.of(
          new Medicine(
              "Paracetamol 500mg tablets",
              2,
              "{tablet}",
              "oral",
              List.of(MORNING, LUNCH, TEA, NIGHT)),
          new Medicine("Amlodipine 5mg tablets", 1, "{tablet}", "oral", List.of(MORNING)),
          new Medicine("Donepezil 10mg tablets", 1, "{tablet}", "oral", List.of(NIGHT)),
          new Medicine("Lansoprazole 15mg capsules", 1, "{capsule}", "oral", List.of(MORNING)),
          new Medicine("Furosemide 40mg tablets", 1, "{tablet}", "oral", List.of(MORNING)),
          new Medicine("Sertraline 50mg tablets", 1, "{tablet}", "oral", List.of(MORNING)),
          new Medicine("Senna 7.5mg tablets", 2, "{tablet}", "oral", List.of(NIGHT)),
          new Medicine("Atorvastatin 20mg tablets", 1, "{tablet}", "oral", List.of(NIGHT)),
          new Medicine("Metformin 500mg tablets", 1, "{tablet}", "oral", List.of(MORNING, TEA)),
          new Medicine("Bisoprolol 2.5mg tablets", 1, "{tablet}", "oral", List.of(MORNING)),
          new Medicine(
              "Levothyroxine 50microgram tablets", 1, "{tablet}", "oral", List.of(MORNING)),
          new Medicine("Mirtazapine 15mg tablets", 1, "{tablet}", "oral", List.of(NIGHT)));
}
