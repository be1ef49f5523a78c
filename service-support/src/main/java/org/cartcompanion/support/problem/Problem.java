package org.cartcompanion.support.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level violations when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(@Schema(required = true) URI type, @Schema(required = true) String title,
        @Schema(required = true) int status, @Schema(required = true) String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: the field's path in the request and what is wrong with it. */
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }
}
