package uk.carelink.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.junit.jupiter.api.Test;

class RetriedDeleteConflictsTest {

  @Test
  void deletesAreRunAgainAsOftenAsConfiguredAndNeverWithZero() {
    SystemRequestDetails delete = new SystemRequestDetails();
    delete.setRestOperationType(RestOperationTypeEnum.DELETE);

    assertThat(new RetriedDeleteConflicts(0).retryDeletes(delete).isRetry()).isFalse();
    assertThat(new RetriedDeleteConflicts(2).retryDeletes(delete).isRetry()).isTrue();
    assertThat(new RetriedDeleteConflicts(2).retryDeletes(delete).getMaxRetries()).isEqualTo(2);
  }

  @Test
  void writesWithoutARequestAreNotRunAgain() {
    assertThat(new RetriedDeleteConflicts(3).retryDeletes(null).isRetry()).isFalse();
  }
}
