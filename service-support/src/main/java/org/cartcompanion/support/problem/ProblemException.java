package org.cartcompanion.support.problem;

import java.util.List;

/**
 * A failure the client can act on, answered as problem+json with the given status. The detail is shown to the caller, so it
 * must never carry patient data or internals.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String detail) {
        this(status, slug, detail, List.of());
    }

    public ProblemException(int status, String slug, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    /** Field-level details, if any. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", what + " was not found.");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "unprocessable", detail);
    }

    /** 422 naming the one field at fault: "{field} {message}." with the field error. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 410: the thing existed and is for ever unusable (an invitation used, withdrawn or expired). */
    public static ProblemException gone(String detail) {
        return new ProblemException(410, "gone", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail);
    }
}
