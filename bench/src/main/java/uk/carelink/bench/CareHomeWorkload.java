package uk.carelink.bench;

import java.util.ArrayList;
import java.util.List;

/** The care homes' daily pushes as ingest items: one lane per home, pushes in day order. */
final class CareHomeWorkload {
  private final List<CareHomePushGenerator.Push> pushes;

  CareHomeWorkload(long seed, int homes, int pushes) {
    this.pushes = new CareHomePushGenerator(seed, homes, 24).generate(pushes);
  }

  long entries() {
    return pushes.stream().mapToLong(CareHomePushGenerator.Push::entries).sum();
  }

  int size() {
    return pushes.size();
  }

  List<List<IngestRunner.Item>> phases() {
    List<IngestRunner.Item> items = new ArrayList<>();
    for (CareHomePushGenerator.Push p : pushes) {
      byte[] json = p.json();
      items.add(
          new IngestRunner.Item(
              p.label(), p.homeCode(), p.entries(), false, c -> c.postBundle(json)));
    }
    return List.of(items);
  }
}
