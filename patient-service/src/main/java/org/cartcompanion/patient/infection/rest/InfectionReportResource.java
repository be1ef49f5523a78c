package org.cartcompanion.patient.infection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.cartcompanion.patient.infection.service.InfectionExport;
import org.cartcompanion.support.problem.Problem;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** A center's infection records for a date range (by diagnosis date), for registries. */
@Path("/api/v1/patients/infection-reports")
@Tag(name = "Infection records")
@RolesAllowed({ Roles.CLINICIAN, Roles.COORDINATOR })
@APIResponse(responseCode = "400", description = "Missing or invalid centerId, from, to", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The role may not call this endpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a center of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InfectionReportResource {

    static final String CSV = "text/csv";
    static final String FHIR_JSON = "application/fhir+json";

    // Both representations are one operation in the document (same path and method), so they share its texts.
    private static final String SUMMARY = "Export a center's infection records";
    private static final String DESCRIPTION = "A clinician or coordinator of the center. The center's infection records "
            + "diagnosed between from and to (dates, YYYY-MM-DD, at most 10 years apart), for registries: as CSV "
            + "(Accept: text/csv, one row per infection) or as a FHIR R4 collection Bundle of Patient (id only), Condition "
            + "and Observation resources (Accept: application/fhir+json). 400 for a missing or invalid centerId, from or "
            + "to; 404 when the center is not one of the caller's.";
    private static final String RECORDS = "The records: CSV, one row per infection, or a FHIR R4 Bundle";

    private final InfectionExport export;
    private final Caller caller;

    public InfectionReportResource(InfectionExport export, Caller caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    @Produces(CSV)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = RECORDS, content = @Content(mediaType = CSV))
    public Uni<Response> csv(@QueryParam("centerId") String centerId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return export.records(centerId, from, to, caller).map(records -> Response.ok(export.csv(records))
                .type(CSV + "; charset=UTF-8")
                .header("Content-Disposition",
                        "attachment; filename=\"infections-" + centerId + "-" + from + "-" + to + ".csv\"")
                .build());
    }

    @GET
    @Produces(FHIR_JSON)
    @Operation(operationId = "exportInfectionReport", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = RECORDS, content = @Content(mediaType = FHIR_JSON))
    public Uni<Response> fhir(@QueryParam("centerId") String centerId, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
        return export.records(centerId, from, to, caller)
                .map(records -> Response.ok(export.fhirBundle(records, base)).type(FHIR_JSON).build());
    }
}
