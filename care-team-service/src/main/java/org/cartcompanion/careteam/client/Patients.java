package org.cartcompanion.careteam.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.cartcompanion.support.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Asks patient-service about a patient. A 404 is "no such patient" (null); an unreachable or failing patient-service is a 503
 * for the caller, never a guess.
 */
@ApplicationScoped
public class Patients {

    private final PatientClient client;

    public Patients(@RestClient PatientClient client) {
        this.client = client;
    }

    /** The patient, or null when patient-service does not know them. */
    public Uni<PatientRecord> find(UUID patientId) {
        // Timeouts are the REST client's own (connect and read), so the failure arrives on the caller's context.
        return client.patient(patientId).onFailure().recoverWithUni(e -> {
            if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404) {
                return Uni.createFrom().nullItem();
            }
            Log.warnf("patient-service did not answer for a patient: %s", e.toString());
            return Uni.createFrom().failure(new ProblemException(503, "service-unavailable",
                    "Patient records cannot be reached right now; nothing was changed. Try again shortly."));
        });
    }
}
