package uk.carelink.world;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.carelink.world.News2.Consciousness;
import uk.carelink.world.News2.SoftSign;
import uk.carelink.world.ResidentHistory.Admission;
import uk.carelink.world.ResidentHistory.Death;
import uk.carelink.world.ResidentHistory.Fall;
import uk.carelink.world.ResidentHistory.FallInjury;
import uk.carelink.world.ResidentHistory.FallPlace;
import uk.carelink.world.ResidentHistory.Funding;
import uk.carelink.world.ResidentHistory.HospitalVisit;
import uk.carelink.world.ResidentHistory.MedicationRound;
import uk.carelink.world.ResidentHistory.MustScore;
import uk.carelink.world.ResidentHistory.Person;
import uk.carelink.world.ResidentHistory.PlaceOfDeath;
import uk.carelink.world.ResidentHistory.Score;
import uk.carelink.world.ResidentHistory.Stay;
import uk.carelink.world.ResidentHistory.StayEndReason;
import uk.carelink.world.ResidentHistory.VisitCause;
import uk.carelink.world.ResidentHistory.Weight;

/**
 * One resident's stay, simulated a day at a time from admission (or the start of history) to death,
 * a move out, or the reference date. Monthly assessments fall on the resident's own day of the
 * month; falls and deteriorations are drawn daily from the resident's rates, and the serious ones
 * send the resident to hospital, which the NHS side later records.
 */
final class ResidentLife {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final WorldSpec spec;
  private final Rates rates;
  private final Rng rng;
  private final String residentId;
  private final LocalDate admitted;
  private final Person person;
  private final int assessmentDay;
  private final double baselineKg;
  private final double kgPerDay;
  private final double fallRateMultiplier;
  private int frailty;
  private final int waterlowBase;
  private double weightStepKg;
  private LocalDate lastFrailtyAssessment;
  private LocalDate inHospitalUntil;

  private final List<Weight> weights = new ArrayList<>();
  private final List<MustScore> mustScores = new ArrayList<>();
  private final List<Score> waterlowScores = new ArrayList<>();
  private final List<Score> frailtyScores = new ArrayList<>();
  private final List<News2> news2Scores = new ArrayList<>();
  private final List<Fall> falls = new ArrayList<>();
  private final List<HospitalVisit> visits = new ArrayList<>();

  ResidentLife(
      WorldSpec spec,
      Rates rates,
      Rng rng,
      String residentId,
      String residentNumber,
      LocalDate admitted) {
    this.spec = spec;
    this.rates = rates;
    this.rng = rng;
    this.residentId = residentId;
    this.admitted = admitted;
    this.person = People.newPerson(rng, residentNumber, admitted);
    this.assessmentDay = rng.between(1, 28);
    double heightM = person.heightCm() / 100;
    double bmi = Math.max(15.5, Math.min(38, rng.gaussian(23.5, 4.2)));
    this.baselineKg = bmi * heightM * heightM;
    this.kgPerDay = weightTrend();
    this.fallRateMultiplier = new double[] {0.3, 1.0, 3.2}[rng.weighted(0.5, 0.35, 0.15)];
    this.frailty = 5 + rng.weighted(0.15, 0.36, 0.34, 0.12, 0.03);
    this.waterlowBase =
        (int) Math.round(Math.max(6, Math.min(28, 8 + 2.0 * (frailty - 4) + rng.gaussian(0, 2.5))));
  }

  ResidentHistory live() {
    LocalDate from = admitted.isBefore(spec.historyStart()) ? spec.historyStart() : admitted;
    LocalDate ended = null;
    StayEndReason endReason = null;
    Death death = null;
    if (!admitted.isBefore(spec.historyStart())) {
      assessOnAdmission(admitted);
    }
    for (LocalDate day = from; !day.isAfter(spec.referenceDate()); day = day.plusDays(1)) {
      if (inHospital(day)) {
        continue;
      }
      if (day.getDayOfMonth() == assessmentDay && !day.equals(admitted)) {
        assessMonthly(day);
      }
      double frailtyFactor = frailty >= 7 ? 1.5 : 0.8;
      if (rng.chance(rates.daily(rates.deaths()) * frailtyFactor)) {
        death = die(day);
        ended = death.at().toLocalDate();
        endReason = StayEndReason.DIED;
        break;
      }
      if (rng.chance(rates.daily(rates.moves()))) {
        ended = day;
        endReason = rng.chance(0.6) ? StayEndReason.OTHER_CARE_HOME : StayEndReason.HOSPITAL;
        break;
      }
      if (rng.chance(rates.daily(rates.falls()) * fallRateMultiplier)) {
        fall(day);
      } else if (rng.chance(rates.daily(rates.deteriorations()))) {
        deteriorate(day);
      } else if (rng.chance(rates.daily(rates.otherEmergencies()))) {
        emergency(VisitCause.OTHER, at(day, LocalTime.of(rng.between(7, 21), rng.between(0, 59))));
      }
    }
    Funding funding =
        List.of(Funding.LOCAL_AUTHORITY, Funding.SELF_FUNDED, Funding.NHS_CONTINUING_CARE)
            .get(rng.weighted(0.55, 0.35, 0.10));
    Stay stay = new Stay(admitted, ended, endReason, funding);
    List<MedicationRound> rounds = new MedicationRounds(spec, rng).record(stay, visits, death);
    return new ResidentHistory(
        residentId,
        person,
        stay,
        weights,
        mustScores,
        waterlowScores,
        frailtyScores,
        news2Scores,
        falls,
        visits,
        rounds,
        death);
  }

  private double weightTrend() {
    int course =
        rng.weighted(
            1 - rates.unplannedWeightLossShare() - 0.08, rates.unplannedWeightLossShare(), 0.08);
    return switch (course) {
      case 1 -> -rng.uniform(0.06, 0.14) * baselineKgEstimate() / 180;
      case 2 -> rng.uniform(0.01, 0.04) * baselineKgEstimate() / 180;
      default -> rng.gaussian(0, 0.0015);
    };
  }

  /** The trend is drawn before the baseline is known; a typical weight is close enough. */
  private static double baselineKgEstimate() {
    return 65;
  }

  private void assessOnAdmission(LocalDate day) {
    recordFrailty(day);
    recordWeightAndRisks(day);
  }

  private void assessMonthly(LocalDate day) {
    if (lastFrailtyAssessment == null
        || ChronoUnit.DAYS.between(lastFrailtyAssessment, day) >= 85) {
      if (lastFrailtyAssessment != null && frailty < 9 && rng.chance(0.15)) {
        frailty++;
      }
      recordFrailty(day);
    }
    recordWeightAndRisks(day);
  }

  private void recordFrailty(LocalDate day) {
    frailtyScores.add(new Score(at(day, LocalTime.of(10, 30)), frailty));
    lastFrailtyAssessment = day;
  }

  private void recordWeightAndRisks(LocalDate day) {
    OffsetDateTime when = at(day, LocalTime.of(rng.between(9, 11), rng.between(0, 59)));
    double kg =
        baselineKg
            + kgPerDay * ChronoUnit.DAYS.between(admitted, day)
            + weightStepKg
            + rng.gaussian(0, 0.4);
    kg = Math.round(Math.max(30, kg) * 10) / 10.0;
    weights.add(new Weight(when, kg));
    mustScores.add(new MustScore(when.plusMinutes(5), bmiScore(kg), weightLossScore(day, kg), 0));
    int waterlow = waterlowBase + 2 * (frailty - frailtyScores.get(0).value()) + rng.between(-1, 1);
    waterlowScores.add(new Score(when.plusMinutes(10), Math.max(4, Math.min(40, waterlow))));
  }

  private int bmiScore(double kg) {
    double heightM = person.heightCm() / 100;
    double bmi = kg / (heightM * heightM);
    if (bmi < 18.5) {
      return 2;
    }
    return bmi < 20 ? 1 : 0;
  }

  /** MUST step 2: unplanned loss over the past 3–6 months, against the oldest weight in range. */
  private int weightLossScore(LocalDate day, double kg) {
    Weight earlier = null;
    for (Weight weight : weights) {
      long daysAgo = ChronoUnit.DAYS.between(weight.at().toLocalDate(), day);
      if (daysAgo >= 85 && daysAgo <= 185) {
        earlier = weight;
        break;
      }
    }
    if (earlier == null) {
      return 0;
    }
    double lossPercent = 100 * (earlier.kilograms() - kg) / earlier.kilograms();
    if (lossPercent > 10) {
      return 2;
    }
    return lossPercent >= 5 ? 1 : 0;
  }

  private void fall(LocalDate day) {
    // Falls cluster at night and in the morning (getting up, toileting).
    LocalTime time =
        switch (rng.weighted(0.35, 0.30, 0.25, 0.10)) {
          case 0 ->
              LocalTime.of(
                  List.of(22, 23, 0, 1, 2, 3, 4, 5).get(rng.between(0, 7)), rng.between(0, 59));
          case 1 -> LocalTime.of(rng.between(6, 11), rng.between(0, 59));
          case 2 -> LocalTime.of(rng.between(12, 17), rng.between(0, 59));
          default -> LocalTime.of(rng.between(18, 21), rng.between(0, 59));
        };
    OffsetDateTime when = at(day, time);
    FallPlace place = FallPlace.values()[rng.weighted(0.58, 0.15, 0.15, 0.10, 0.02)];
    boolean witnessed = rng.chance(0.25);
    FallInjury injury = FallInjury.values()[rng.weighted(0.65, 0.24, 0.07, 0.04)];
    double attendsHospital =
        switch (injury) {
          case SEVERE -> 1.0;
          case MODERATE -> 0.6;
          case MINOR -> 0.1;
          case NONE -> 0.03;
        };
    Integer visitIndex = null;
    if (rng.chance(attendsHospital)) {
      double admittedShare =
          switch (injury) {
            case SEVERE -> 0.7;
            case MODERATE -> 0.2;
            default -> 0.05;
          };
      visitIndex = hospitalVisit(VisitCause.FALL, when, rng.chance(admittedShare), false);
    }
    falls.add(new Fall(when, place, witnessed, injury, visitIndex));
  }

  /** Acute illness: NEWS2 with soft signs; a high score is escalated to hospital. */
  private void deteriorate(LocalDate day) {
    OffsetDateTime when = at(day, LocalTime.of(rng.between(7, 21), rng.between(0, 59)));
    int severity = rng.weighted(0.60, 0.28, 0.12);
    News2 news2 = observe(when, severity);
    news2Scores.add(news2);
    int score = news2.total();
    double toHospital = score >= 7 ? 0.9 : score >= 5 ? 0.4 : 0.0;
    if (rng.chance(toHospital)) {
      double admittedShare = score >= 7 ? 0.75 : 0.6;
      hospitalVisit(VisitCause.DETERIORATION, when, rng.chance(admittedShare), false);
    } else {
      // Observed again the next day, recovering.
      news2Scores.add(observe(when.plusHours(24), 0));
    }
  }

  private void emergency(VisitCause cause, OffsetDateTime when) {
    hospitalVisit(cause, when, rng.chance(0.6), false);
  }

  private News2 observe(OffsetDateTime when, int severity) {
    List<SoftSign> signs = new ArrayList<>();
    if (severity > 0 || rng.chance(0.5)) {
      int count = rng.between(1, 1 + severity);
      for (int i = 0; i < count; i++) {
        SoftSign sign = rng.pick(List.of(SoftSign.values()));
        if (!signs.contains(sign)) {
          signs.add(sign);
        }
      }
    }
    return switch (severity) {
      case 0 ->
          new News2(
              when,
              rng.between(14, 20),
              rng.between(95, 98),
              false,
              rng.between(112, 150),
              rng.between(60, 90),
              Consciousness.ALERT,
              tenths(rng.uniform(36.2, 37.6)),
              signs);
      case 1 ->
          new News2(
              when,
              rng.between(19, 24),
              rng.between(92, 96),
              false,
              rng.between(100, 130),
              rng.between(85, 112),
              rng.chance(0.3) ? Consciousness.NEW_CONFUSION : Consciousness.ALERT,
              tenths(rng.uniform(37.2, 38.8)),
              signs);
      default ->
          new News2(
              when,
              rng.between(23, 30),
              rng.between(86, 93),
              rng.chance(0.2),
              rng.between(82, 105),
              rng.between(105, 135),
              rng.chance(0.6) ? Consciousness.NEW_CONFUSION : Consciousness.ALERT,
              tenths(rng.uniform(38.0, 39.8)),
              signs);
    };
  }

  /** Records an A&amp;E attendance (and admission) and returns its index. */
  private int hospitalVisit(VisitCause cause, OffsetDateTime event, boolean admit, boolean dies) {
    OffsetDateTime arrived = event.plusMinutes(rng.between(45, 240));
    OffsetDateTime departed = arrived.plusMinutes(rng.between(120, 480));
    Admission admission = null;
    if (admit || dies) {
      OffsetDateTime discharged =
          at(
              departed.toLocalDate().plusDays(lengthOfStay(dies)),
              LocalTime.of(rng.between(11, 19), rng.between(0, 59)));
      if (discharged.toLocalDate().isAfter(spec.referenceDate())) {
        // Still on the ward on the world's last day.
        discharged = null;
        inHospitalUntil = spec.referenceDate();
      } else {
        inHospitalUntil = discharged.toLocalDate();
      }
      admission = new Admission(departed, discharged, dies);
      // Acute illness costs weight.
      weightStepKg -= rng.uniform(0.5, 2.5);
    }
    visits.add(new HospitalVisit(cause, arrived, departed, admission));
    return visits.size() - 1;
  }

  /** Days on the ward: mostly short, a long tail (mean about a week). */
  private int lengthOfStay(boolean dies) {
    if (dies) {
      return rng.between(1, 10);
    }
    return Math.min(30, 1 + (int) Math.round(-7 * Math.log(1 - rng.uniform(0, 0.98))));
  }

  private Death die(LocalDate day) {
    // A fifth die in hospital, if there is time left in history for the admission to end.
    if (rng.chance(0.2) && day.plusDays(12).isBefore(spec.referenceDate())) {
      OffsetDateTime event = at(day, LocalTime.of(rng.between(7, 21), rng.between(0, 59)));
      news2Scores.add(observe(event, 2));
      int index = hospitalVisit(VisitCause.DETERIORATION, event, true, true);
      return new Death(visits.get(index).admission().end(), PlaceOfDeath.HOSPITAL);
    }
    return new Death(
        at(day, LocalTime.of(rng.between(0, 23), rng.between(0, 59))), PlaceOfDeath.CARE_HOME);
  }

  private boolean inHospital(LocalDate day) {
    return inHospitalUntil != null && !day.isAfter(inHospitalUntil);
  }

  private static double tenths(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static OffsetDateTime at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(LONDON).toOffsetDateTime();
  }
}
