package org.cartcompanion.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

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
