package org.cartcompanion.alert.erasure;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.CallableBy;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** {@code POST /internal/v1/patients/{patientId}/erasure}: patient-service erases a withdrawn patient's identifying data. */
@Path("/internal/v1/patients/{patientId}/erasure")
@Tag(name = "Internal")
public class ErasureResource {

    private static final String ERASE_TEXTED_PHONES = """
            UPDATE notification SET address = 'erased',
                status = CASE WHEN status = 'PENDING' THEN 'CANCELLED' ELSE status END,
                next_attempt_at = CASE WHEN status = 'PENDING' THEN NULL ELSE next_attempt_at END
            WHERE purpose IN ('PATIENT_ACK', 'PATIENT_NO_ANSWER')
              AND alert_id IN (SELECT id FROM alert WHERE patient_id = :patient)""";

    @POST
    @RolesAllowed(Roles.SERVICE)
    @CallableBy({ "patient-service" })
    @Operation(operationId = "erasePatientCopy", summary = "Erase this service's copy of a patient's identifying data", description = "patient-service only, when a withdrawn patient's record is erased. Removes the patient's phone "
            + "from their alerts and the phones their texts went to; the alerts themselves (dispositions, times, timeline) stay for the record. "
            + "Idempotent: 204 whether or not anything was left to erase.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not patient-service", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> erase(@PathParam("patientId") UUID patientId) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("UPDATE alert SET patient_phone = NULL WHERE patient_id = :patient")
                .setParameter("patient", patientId).executeUpdate()
                // The texts to the patient and caregivers kept their phones: erased, and any not sent yet cancelled.
                .chain(() -> session.createNativeQuery(ERASE_TEXTED_PHONES).setParameter("patient", patientId)
                        .executeUpdate())))
                .map(n -> Response.noContent().build());
    }
}
