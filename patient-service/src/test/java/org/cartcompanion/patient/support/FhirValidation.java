package org.cartcompanion.patient.support;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;

/** HAPI's FHIR R4 validator, offline: what a resource the service writes breaks of the specification. */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** The errors (and fatal errors) in a resource, each with where it is; empty when it is valid. */
    public static synchronized List<String> errors(String resource) {
        if (validator == null) {
            FhirContext context = FhirContext.forR4();
            ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context));
            validator = context.newValidator();
            FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
            // SNOMED CT and LOINC are not available offline: unknown codes from them are not errors here.
            instanceValidator.setNoTerminologyChecks(true);
            validator.registerValidatorModule(instanceValidator);
        }
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }
}
