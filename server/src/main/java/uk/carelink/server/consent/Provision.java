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

  /**
   * Whether some part of this tree could permit the party, purpose and class of the question,
   * whatever the codes and labels of a particular resource: used to narrow searches, so it errs on
   * the side of yes.
   */
  public boolean mayPermit(AccessQuestion question) {
    return mayPermit(question, null);
  }

  private boolean mayPermit(AccessQuestion question, Vote inherited) {
    if (!matchesIgnoringResource(question)) {
      return false;
    }
    Vote own = type != null ? type : inherited;
    if (own == Vote.PERMIT) {
      return true;
    }
    for (Provision child : children) {
      if (child.mayPermit(question, own)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any part of this tree names codes, so that its vote on a resource may depend on the
   * resource's codes (which decisions from HAPI's indexes do not know).
   */
  public boolean readsCodes() {
    return !codes.isEmpty() || children.stream().anyMatch(Provision::readsCodes);
  }

  /** As {@link #mayPermit}, at any time (periods ignored). */
  public boolean mayPermitAnyTime(AccessQuestion question) {
    return mayPermit(question, null);
  }

  private boolean matchesIgnoringResource(AccessQuestion question) {
    return (question.at() == null || start == null || !question.at().isBefore(start))
        && (question.at() == null || end == null || question.at().isBefore(end))
        && (actors.isEmpty() || actors.contains(question.party()))
        && (purposes.isEmpty() || purposes.contains(question.purpose()))
        && (classes.isEmpty() || classes.contains(question.resourceType()));
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
