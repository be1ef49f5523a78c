package org.cartcompanion.support.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become {@code application/problem+json} (RFC 9457). Details are written for the caller and never
 * carry class names, stack traces or patient data.
 */
public class ProblemMappers {

    static final String TYPE_BASE = "https://cart-companion.org/problems/";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Your role may not perform this action.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).collect(Collectors.toList());
        return respond(400, "invalid-request", "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        // Declared separately: Quarkus has a built-in mapper for this subtype that would answer plain JSON.
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(400, "invalid-request", "The request has invalid fields.", uri,
                    List.of(new Problem.FieldError(field, "has an invalid value or type")));
        }
        return respond(400, "malformed-json", "The request body is not valid JSON.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf("Request to %s failed with status %d", pathOf(uri), status);
            return respond(status, "server-error", "The service could not complete the request.", uri, List.of());
        }
        return respond(status, slugFor(status), detailFor(status), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Unreachable.isCauseOf(e)) {
            Log.warnf("%s failed: a dependency cannot be reached (%s)", pathOf(uri), e);
            return respond(503, "dependency-unavailable",
                    "The service cannot reach its database or a service it needs just now. Try again shortly.", uri, List.of());
        }
        Log.errorf(e, "Unexpected failure on %s", pathOf(uri));
        return respond(500, "server-error", "The service could not complete the request.", uri, List.of());
    }

    private static Response unauthenticated(UriInfo uri) {
        Response base = respond(401, "unauthorized", "A valid bearer token is required.", uri, List.of());
        return Response.fromResponse(base).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response respond(int status, String slug, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(URI.create(TYPE_BASE + slug), titleFor(status), status, detail,
                pathOf(uri), errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (status == 503) {
            // Every outage answer says when to try again (the phone retries a check-in with the same Idempotency-Key).
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Drop the method and parameter nodes so the field reads as it does in the request body.
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            // A constraint on a parameter itself (a header or query value): name it.
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
            return "body";
        }
        return field.toString();
    }

    private static String pathOf(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String titleFor(int status) {
        // RFC 9110 names; Jakarta REST's enum lacks 422 and still says "Request Entity Too Large".
        return switch (status) {
        case 413 -> "Content Too Large";
        case 422 -> "Unprocessable Content";
        case 429 -> "Too Many Requests";
        default -> {
            Response.Status known = Response.Status.fromStatusCode(status);
            yield known != null ? known.getReasonPhrase() : "Error";
        }
        };
    }

    private static String slugFor(int status) {
        return switch (status) {
        case 400 -> "invalid-request";
        case 401 -> "unauthorized";
        case 403 -> "forbidden";
        case 404 -> "not-found";
        case 405 -> "method-not-allowed";
        case 406 -> "not-acceptable";
        case 409 -> "conflict";
        case 413 -> "content-too-large";
        case 415 -> "unsupported-media-type";
        case 422 -> "unprocessable";
        default -> "client-error";
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
        case 400 -> "The request is invalid.";
        case 401 -> "A valid bearer token is required.";
        case 403 -> "Your role may not perform this action.";
        case 404 -> "The resource was not found.";
        case 405 -> "This method is not allowed on this resource.";
        case 406 -> "The requested media type cannot be produced.";
        case 409 -> "The request conflicts with the current state.";
        case 413 -> "The request body is too large.";
        case 415 -> "The content type is not supported; send application/json.";
        case 422 -> "The request cannot be processed.";
        default -> "The request failed.";
        };
    }
}
