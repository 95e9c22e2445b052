package uk.carelink.world;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import uk.carelink.world.ResidentHistory.Admission;
import uk.carelink.world.ResidentHistory.Death;
import uk.carelink.world.ResidentHistory.HospitalVisit;
import uk.carelink.world.ResidentHistory.MedicationRound;
import uk.carelink.world.ResidentHistory.RoundOutcome;
import uk.carelink.world.ResidentHistory.Stay;

/**
 * The eMAR: every scheduled dose of a resident's regular medicines over the last days of history,
 * with what happened. Doses due while the resident was in hospital are recorded as such, as care
 * home eMAR systems do.
 */
final class MedicationRounds {

  private final WorldSpec spec;
  private final Rng rng;

  MedicationRounds(WorldSpec spec, Rng rng) {
    this.spec = spec;
    this.rng = rng;
  }

  List<MedicationRound> record(Stay stay, List<HospitalVisit> visits, Death death) {
    List<Medicine> chart = chart();
    List<MedicationRound> rounds = new ArrayList<>();
    if (spec.medicationRoundDays() == 0) {
      return rounds;
    }
    LocalDate from =
        stay.admitted().isAfter(spec.medicationRoundsStart())
            ? stay.admitted()
            : spec.medicationRoundsStart();
    LocalDate to = stay.ended() == null ? spec.referenceDate() : stay.ended();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      for (Medicine medicine : chart) {
        for (var time : medicine.times()) {
          OffsetDateTime scheduled = ResidentLife.at(day, time);
          if (death != null && !scheduled.isBefore(death.at())) {
            continue;
          }
          if (stay.ended() != null && death == null && day.equals(stay.ended())) {
            continue;
          }
          rounds.add(round(medicine, scheduled, visits));
        }
      }
    }
    return rounds;
  }

  private MedicationRound round(
      Medicine medicine, OffsetDateTime scheduled, List<HospitalVisit> visits) {
    if (awayInHospital(scheduled, visits)) {
      return new MedicationRound(scheduled, null, medicine, RoundOutcome.IN_HOSPITAL);
    }
    RoundOutcome outcome =
        List.of(RoundOutcome.GIVEN, RoundOutcome.REFUSED, RoundOutcome.NOT_AVAILABLE)
            .get(rng.weighted(0.945, 0.045, 0.01));
    OffsetDateTime administered =
        outcome == RoundOutcome.GIVEN
            ? scheduled.plusMinutes(Math.max(-20, Math.round(rng.gaussian(12, 15))))
            : null;
    return new MedicationRound(scheduled, administered, medicine, outcome);
  }

  /** Two to five regular medicines, no duplicates. */
  private List<Medicine> chart() {
    int count = rng.between(2, 5);
    List<Medicine> chart = new ArrayList<>();
    while (chart.size() < count) {
      Medicine medicine = rng.pick(Medicine.FORMULARY);
      if (!chart.contains(medicine)) {
        chart.add(medicine);
      }
    }
    return chart;
  }

  private static boolean awayInHospital(OffsetDateTime when, List<HospitalVisit> visits) {
    for (HospitalVisit visit : visits) {
      if (!when.isBefore(visit.arrived()) && when.isBefore(visit.departed())) {
        return true;
      }
      Admission admission = visit.admission();
      if (admission != null
          && !when.isBefore(admission.start())
          && (admission.end() == null || when.isBefore(admission.end()))) {
        return true;
      }
    }
    return false;
  }
}
