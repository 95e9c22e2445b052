package uk.carelink.server.linkage;

import ca.uhn.fhir.jpa.subscription.async.AsyncResourceModifiedProcessingSchedulerSvc;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * HAPI hands each stored resource to the subscription matcher, and so to MDM, from a table that a
 * scheduled job drains every 5 s by default: a link appeared 5.0 s after every write in bench/.
 * This sets the job's interval before HAPI schedules it.
 */
final class LinkageQueueInterval implements BeanPostProcessor {

  private final long intervalMillis;

  LinkageQueueInterval(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof AsyncResourceModifiedProcessingSchedulerSvc scheduler) {
      scheduler.mySubmissionIntervalInMilliSeconds = intervalMillis;
    }
    return bean;
  }
}
