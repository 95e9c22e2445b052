package uk.carelink.server.linkage;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.mdm.api.MdmConstants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;

/**
 * Keeps MDM's golden records out of ordinary Patient searches. A golden record is HAPI's own
 * bookkeeping, controlled by no party; clients see the controllers' records and reach the links
 * through {@code $mdm-*} operations or {@code _mdm=true}. A search that names the golden-record tag
 * itself ({@code _tag=...mdm-record-status|GOLDEN_RECORD}) still finds them, for admins.
 */
@Component
@ConditionalOnProperty(
    prefix = "carelink.linkage",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class GoldenRecordSearchFilter implements CareLinkInterceptor {

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void hideGoldenRecords(RequestDetails request, SearchParameterMap map) {
    if (request == null
        || !"Patient".equals(request.getResourceName())
        || map.containsKey("_tag")
        || request.getParameters().containsKey("_id")) {
      return;
    }
    map.add(
        "_tag",
        new TokenParam(MdmConstants.SYSTEM_GOLDEN_RECORD_STATUS, MdmConstants.CODE_GOLDEN_RECORD)
            .setModifier(TokenParamModifier.NOT));
  }
}
