package uk.carelink.server.validation;

import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests that compare the server's pooled validators with HAPI's stock validator on the same
 * validation chain (core definitions, the CareLink package, terminology): the stock one evaluates
 * every invariant on the shared definitions and is the reference for what the server's own copies
 * of the definitions leave out.
 */
abstract class ComparedWithStockValidator {

  static ReusedInstanceValidators validators;
  static FhirValidator stock;

  @BeforeAll
  static void loadBoth() throws IOException {
    PackageExamplesTest.loadPackage();
    ProfileValidator validator = PackageExamplesTest.validator;
    validators = new ReusedInstanceValidators(validator.validationSupport());
    stock = PackageExamplesTest.CONTEXT.newValidator();
    stock.registerValidatorModule(new FhirInstanceValidator(validator.validationSupport()));
  }
}
