package uk.carelink.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import uk.carelink.world.LinkageTestSet.LabelledPatient;
import uk.carelink.world.LinkageTestSet.Source;
import uk.carelink.world.NhsNumber;

/**
 * Compares the server's MDM links with the labels of the linkage set: precision and recall of the
 * golden records, whether every true pair that was not auto-linked is in the review queue, and for
 * the pairs that went wrong, how each record ended up and what noise the pair carries.
 */
final class LinkageBreakdown {

  /** One row of {@code $mdm-query-links}. */
  record Link(String golden, String source, String matchResult) {}

  private final List<LabelledPatient> set;
  private final Map<String, String> goldenOf = new HashMap<>();
  private final Map<String, Set<String>> possibleGoldensOf = new HashMap<>();
  private final Set<String> possibleDuplicates = new HashSet<>();

  LinkageBreakdown(List<LabelledPatient> set, List<Link> links) {
    this.set = set;
    for (Link link : links) {
      switch (link.matchResult()) {
        case "MATCH" -> goldenOf.put(link.source(), link.golden());
        case "POSSIBLE_MATCH" ->
            possibleGoldensOf
                .computeIfAbsent(link.source(), s -> new HashSet<>())
                .add(link.golden());
        case "POSSIBLE_DUPLICATE" -> {
          possibleDuplicates.add(link.golden() + " " + link.source());
          possibleDuplicates.add(link.source() + " " + link.golden());
        }
        default -> {}
      }
    }
  }

  /** The headline figures, as rows of a markdown table. */
  String rows() {
    return counted().rows;
  }

  /** Where the pairs that went wrong went, as markdown tables. */
  String tables() {
    return counted().tables;
  }

  private record Counted(String rows, String tables) {}

  private Counted counted() {
    Map<String, LabelledPatient[]> pairs = truePairs();
    long linked = 0;
    long queued = 0;
    Map<String, Integer> queuedBy = new TreeMap<>();
    Map<String, Integer> missedBy = new TreeMap<>();
    for (LabelledPatient[] pair : pairs.values()) {
      String home = id(pair[0]);
      String gp = id(pair[1]);
      if (goldenOf.get(home) != null && goldenOf.get(home).equals(goldenOf.get(gp))) {
        linked++;
      } else if (inReviewQueue(home, gp)) {
        queued++;
        queuedBy.merge(outcome(home) + "; " + outcome(gp) + " | " + noise(pair), 1, Integer::sum);
      } else {
        missedBy.merge(outcome(home) + "; " + outcome(gp) + " | " + noise(pair), 1, Integer::sum);
      }
    }
    long missed = pairs.size() - linked - queued;
    Map<String, Integer> falseBy = new TreeMap<>();
    long falseLinked = falsePairsUnderOneGolden(falseBy);
    StringBuilder md = new StringBuilder();
    StringBuilder tables = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "| pairs under one golden record (MATCH) | %d true, %d false: precision %.4f, recall"
                + " %.4f |%n",
            linked,
            falseLinked,
            linked / (double) Math.max(1, linked + falseLinked),
            linked / (double) pairs.size()));
    md.append(
        String.format(
            Locale.ROOT,
            "| true pairs not auto-linked but in the review queue | %d |%n"
                + "| true pairs neither auto-linked nor in the review queue | %d |%n",
            queued,
            missed));
    tables.append(
        table("true pairs in the review queue (home record; GP record | noise)", queuedBy));
    tables.append(table("true pairs missed (home record; GP record | noise)", missedBy));
    tables.append(table("false pairs under one golden record", falseBy));
    return new Counted(md.toString(), tables.toString());
  }

  /**
   * In the queue: a record waits as POSSIBLE_MATCH on the other's golden record, or the two golden
   * records are flagged as POSSIBLE_DUPLICATE.
   */
  private boolean inReviewQueue(String home, String gp) {
    String homeGolden = goldenOf.get(home);
    String gpGolden = goldenOf.get(gp);
    return (homeGolden != null && possibleGoldensOf.getOrDefault(gp, Set.of()).contains(homeGolden))
        || (gpGolden != null && possibleGoldensOf.getOrDefault(home, Set.of()).contains(gpGolden))
        || (homeGolden != null && possibleDuplicates.contains(homeGolden + " " + gpGolden));
  }

  /** How one record ended up: in a golden record (alone or with others) or only in the queue. */
  private String outcome(String record) {
    String golden = goldenOf.get(record);
    int possible = possibleGoldensOf.getOrDefault(record, Set.of()).size();
    if (golden == null) {
      return possible == 0 ? "no link" : "only POSSIBLE_MATCH (" + possible + ")";
    }
    long members = goldenOf.values().stream().filter(golden::equals).count();
    return (members == 1 ? "own golden" : "golden with " + (members - 1) + " other")
        + (possible == 0 ? "" : " + POSSIBLE_MATCH (" + possible + ")");
  }

  private long falsePairsUnderOneGolden(Map<String, Integer> by) {
    Map<String, List<LabelledPatient>> byGolden = new HashMap<>();
    for (LabelledPatient p : set) {
      String golden = goldenOf.get(id(p));
      if (golden != null) {
        byGolden.computeIfAbsent(golden, g -> new ArrayList<>()).add(p);
      }
    }
    long count = 0;
    for (List<LabelledPatient> members : byGolden.values()) {
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          LabelledPatient left = members.get(a);
          LabelledPatient right = members.get(b);
          if (!left.person().equals(right.person())) {
            count++;
            by.merge(describeFalse(left, right), 1, Integer::sum);
          }
        }
      }
    }
    return count;
  }

  private static String describeFalse(LabelledPatient left, LabelledPatient right) {
    return left.kind()
        + "/"
        + right.kind()
        + ", "
        + left.source()
        + "+"
        + right.source()
        + ", NHS numbers "
        + nhsState(left.patient())
        + "+"
        + nhsState(right.patient());
  }

  /** What differs between a person's home record and GP record. */
  private static String noise(LabelledPatient[] pair) {
    Patient home = pair[0].patient();
    Patient gp = pair[1].patient();
    List<String> noise = new ArrayList<>();
    if (!pair[0].kind().name().equals("ORDINARY")) {
      noise.add(pair[0].kind().name().toLowerCase(Locale.ROOT));
    }
    if (!given(home).equals(given(gp))) {
      noise.add("given name differs");
    }
    if (!Objects.equals(home.getNameFirstRep().getFamily(), gp.getNameFirstRep().getFamily())) {
      noise.add("family name differs");
    }
    if (!Objects.equals(
        home.getBirthDateElement().asStringValue(), gp.getBirthDateElement().asStringValue())) {
      noise.add("birth date differs");
    }
    String homeNhs = nhsState(home);
    String gpNhs = nhsState(gp);
    if (!homeNhs.equals("valid") || !gpNhs.equals("valid")) {
      noise.add("NHS number home " + homeNhs + ", GP " + gpNhs);
    } else if (!nhsNumber(home).equals(nhsNumber(gp))) {
      noise.add("different valid NHS numbers");
    }
    return noise.isEmpty() ? "no noise" : String.join(", ", noise);
  }

  private static String nhsState(Patient patient) {
    String number = nhsNumber(patient);
    return number == null ? "missing" : NhsNumber.isValid(number) ? "valid" : "invalid";
  }

  private static String nhsNumber(Patient patient) {
    for (Identifier identifier : patient.getIdentifier()) {
      if (NhsNumber.SYSTEM.equals(identifier.getSystem())) {
        return identifier.getValue();
      }
    }
    return null;
  }

  private static String given(Patient patient) {
    return patient.getNameFirstRep().getGivenAsSingleString();
  }

  /** Each person's home record and GP record, by person. */
  private Map<String, LabelledPatient[]> truePairs() {
    Map<String, LabelledPatient[]> pairs = new TreeMap<>();
    for (LabelledPatient p : set) {
      pairs
              .computeIfAbsent(p.person(), k -> new LabelledPatient[2])[
              p.source() == Source.CARE_HOME ? 0 : 1] =
          p;
    }
    return pairs;
  }

  static String id(LabelledPatient p) {
    return "Patient/" + p.patient().getIdElement().getIdPart();
  }

  private static String table(String title, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder(String.format("%n| %s | pairs |%n|---|---:|%n", title));
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(
            e ->
                md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue())
                    .append(" |\n"));
    return md.toString();
  }
}
