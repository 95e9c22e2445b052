package uk.carelink.server.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/**
 * One {@code Consent.provision} (or a nested exception), ready to match questions against. An empty
 * criterion matches anything; a nested provision that matches overrides its parent, and among
 * matching siblings deny wins.
 *
 * @param type permit or deny; null inherits the parent's
 * @param start inclusive start of {@code period}, or null
 * @param end exclusive end of {@code period} (a date-only end counts its whole day), or null
 * @param actors organisations the provision is about ({@code actor.reference})
 * @param purposes {@code purpose} codes
 * @param classes resource types ({@code class} codes)
 * @param codes {@code code} codings as {@code system|code}
 * @param labels {@code securityLabel} codings as {@code system|code}
 * @param children nested provisions
 */
public record Provision(
    Vote type,
    Instant start,
    Instant end,
    Set<DataController> actors,
    Set<String> purposes,
    Set<String> classes,
    Set<String> codes,
    Set<String> labels,
    List<Provision> children) {

  /** The vote of this provision tree for a question, if the tree applies to it at all. */
  public Optional<Vote> vote(AccessQuestion question) {
    return vote(question, null);
  }

  private Optional<Vote> vote(AccessQuestion question, Vote inherited) {
    if (!matches(question)) {
      return Optional.empty();
    }
    Vote own = type != null ? type : inherited;
    boolean childPermits = false;
    for (Provision child : children) {
      Optional<Vote> childVote = child.vote(question, own);
      if (childVote.isPresent()) {
        if (childVote.get() == Vote.DENY) {
          return childVote;
        }
        childPermits = true;
      }
    }
    return childPermits ? Optional.of(Vote.PERMIT) : Optional.ofNullable(own);
  }

  private boolean matches(AccessQuestion question) {
    return (start == null || !question.at().isBefore(start))
        && (end == null || question.at().isBefore(end))
        && (actors.isEmpty() || actors.contains(question.party()))
        && (purposes.isEmpty() || purposes.contains(question.purpose()))
        && (classes.isEmpty() || classes.contains(question.resourceType()))
        && (codes.isEmpty() || anyIn(question.codes(), codes))
        && (labels.isEmpty() || anyIn(question.labels(), labels));
  }

  private static boolean anyIn(List<Coding> codings, Set<String> wanted) {
    for (Coding coding : codings) {
      if (wanted.contains(key(coding))) {
        return true;
      }
    }
    return false;
  }

  static String key(Coding coding) {
    return coding.getSystem() + "|" + coding.getCode();
  }
}
