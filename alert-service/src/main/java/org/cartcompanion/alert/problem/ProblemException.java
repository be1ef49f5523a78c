package org.cartcompanion.alert.problem;

/**
 * A failure the client can act on, answered as problem+json with the given status. The detail is shown to the caller, so it
 * must never carry patient data or internals.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;

    public ProblemException(int status, String slug, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
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

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail);
    }
}
