package org.cartcompanion.careteam.team.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.clinician.ClinicianRole;
import org.cartcompanion.careteam.team.CareTeamMember;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CareTeamMemberRepository implements PanacheRepositoryBase<CareTeamMember, CareTeamMember.Key> {

    public Uni<List<CareTeamMember>> ofPatient(UUID patientId) {
        return find("patientId = ?1 order by role, clinicianId", patientId).list();
    }

    /** Whether the clinician with this subject is on the patient's care team in this role. */
    public Uni<Boolean> names(UUID patientId, String subject, ClinicianRole role) {
        return find("select m from CareTeamMember m, Clinician k where m.clinicianId = k.id and m.patientId = ?1"
                + " and k.subject = ?2 and m.role = ?3", patientId, subject, role).count().map(n -> n > 0);
    }

    /** Takes the clinician off the care teams of every patient of the center; how many teams they were on. */
    public Uni<Long> removeFromCenter(UUID clinicianId, UUID centerId) {
        return delete("clinicianId = ?1 and patientId in (select t.patientId from CareTeam t where t.centerId = ?2)",
                clinicianId, centerId);
    }
}
