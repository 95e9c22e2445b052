package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carelink.bench.LinkageBreakdown.Link;
import uk.carelink.world.LinkageTestSet;
import uk.carelink.world.LinkageTestSet.LabelledPatient;
import uk.carelink.world.LinkageTestSet.Source;

class LinkageBreakdownTest {

  /** Three people of the labelled set: home record and GP record of each, by person. */
  private final List<LabelledPatient> set = LinkageTestSet.generate(6, 3);

  private String record(int person, Source source) {
    String personId = set.get(2 * person).person();
    return set.stream()
        .filter(p -> p.person().equals(personId) && p.source() == source)
        .map(LinkageBreakdown::id)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void countsLinkedQueuedAndMissedTruePairsAndFalsePairsUnderOneGolden() {
    List<Link> links = new ArrayList<>();
    // Person 0: both records under golden A.
    links.add(new Link("Patient/A", record(0, Source.CARE_HOME), "MATCH"));
    links.add(new Link("Patient/A", record(0, Source.GP_PRACTICE), "MATCH"));
    // Person 1: home record in golden B, GP record waits on B and on A.
    links.add(new Link("Patient/B", record(1, Source.CARE_HOME), "MATCH"));
    links.add(new Link("Patient/B", record(1, Source.GP_PRACTICE), "POSSIBLE_MATCH"));
    links.add(new Link("Patient/A", record(1, Source.GP_PRACTICE), "POSSIBLE_MATCH"));
    links.add(new Link("Patient/A", "Patient/B", "POSSIBLE_DUPLICATE"));
    // Person 2: home record only queued against B, GP record wrongly in golden A.
    links.add(new Link("Patient/B", record(2, Source.CARE_HOME), "POSSIBLE_MATCH"));
    links.add(new Link("Patient/A", record(2, Source.GP_PRACTICE), "MATCH"));

    LinkageBreakdown breakdown = new LinkageBreakdown(set, links);

    // Golden A holds person 0's two records and person 2's GP record: 1 true pair, 2 false.
    assertThat(breakdown.rows())
        .contains("| 1 true, 2 false: precision 0.3333, recall 0.3333 |")
        .contains("| true pairs not auto-linked but in the review queue | 1 |")
        .contains("| true pairs neither auto-linked nor in the review queue | 1 |");
    assertThat(breakdown.tables())
        .contains("| own golden; only POSSIBLE_MATCH (2) | ")
        .contains("| only POSSIBLE_MATCH (1); golden with 2 other | ");
  }
}
