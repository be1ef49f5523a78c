package org.cartcompanion.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        Response response = mappers.unexpected(new IllegalStateException("org.hibernate.Secret at row 42 for patient Ana P."),
                null);
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        String body = response.getEntity().toString();
        assertFalse(body.contains("Secret"), body);
        assertFalse(body.contains("IllegalStateException"), body);
        assertFalse(body.contains("Ana P."), body);
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        List<Throwable> unreachable = List.of(
                new CompletionException(new ConnectException("Connection refused: /127.0.0.1:5432")),
                new IllegalStateException("HR000057", ClosedConnectionException.INSTANCE),
                new DatabaseException("terminating connection due to administrator command", 0, "57P01") {
                },
                new DatabaseException("the database system is starting up", 0, "57P03") {
                });
        for (Throwable e : unreachable) {
            Response response = mappers.unexpected(e, null);
            assertEquals(503, response.getStatus(), e.toString());
            assertEquals("5", response.getHeaderString("Retry-After"));
            Problem problem = (Problem) response.getEntity();
            assertEquals("Service Unavailable", problem.title());
            assertFalse(problem.detail().contains("5432"), problem.detail());
        }
        // A 503 raised as a problem (a service that did not answer) says when to retry too.
        Response dependency = mappers.problem(new ProblemException(503, "dependency-unavailable", "Try again."), null);
        assertEquals("5", dependency.getHeaderString("Retry-After"));
        // A query the database refused, or a protocol violation, is a fault here, not an outage.
        Response unique = mappers.unexpected(new DatabaseException("duplicate key", 0, "23505") {
        }, null);
        assertEquals(500, unique.getStatus());
        Response protocol = mappers.unexpected(new DatabaseException("bind message supplies 2 parameters", 0, "08P01") {
        }, null);
        assertEquals(500, protocol.getStatus());
    }

    @Test
    void domainFailuresKeepTheirStatusAndRfc9110Titles() {
        Response response = mappers.problem(ProblemException.unprocessable("The policy names nobody."), null);
        assertEquals(422, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Unprocessable Content", problem.title());
        assertEquals("The policy names nobody.", problem.detail());
        Problem unsupported = (Problem) mappers.web(new NotSupportedException(), null).getEntity();
        assertEquals(415, unsupported.status());
        assertEquals("Unsupported Media Type", unsupported.title());
    }
}
