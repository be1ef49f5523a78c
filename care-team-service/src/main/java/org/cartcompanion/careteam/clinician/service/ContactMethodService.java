package org.cartcompanion.careteam.clinician.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.cartcompanion.careteam.center.service.CenterAccess;
import org.cartcompanion.careteam.clinician.Clinician;
import org.cartcompanion.careteam.clinician.ContactMethod;
import org.cartcompanion.careteam.clinician.ContactMethodType;
import org.cartcompanion.careteam.clinician.Recipient;
import org.cartcompanion.careteam.clinician.repository.ClinicianRepository;
import org.cartcompanion.careteam.clinician.repository.ContactMethodRepository;
import org.cartcompanion.careteam.clinician.repository.MembershipRepository;
import org.cartcompanion.careteam.clinician.rest.ContactMethodRequest;
import org.cartcompanion.careteam.clinician.rest.PhoneNumbers;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * How each clinician is woken when a level pages them. The clinician sets their own; a coordinator of a center they belong to
 * may set them too (a new colleague without a smartphone, a number that changed at 2 a.m.).
 */
@ApplicationScoped
public class ContactMethodService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile(PhoneNumbers.E164);

    private final ClinicianRepository clinicians;
    private final MembershipRepository memberships;
    private final ContactMethodRepository methods;
    private final CenterAccess access;

    public ContactMethodService(ClinicianRepository clinicians, MembershipRepository memberships,
            ContactMethodRepository methods, CenterAccess access) {
        this.clinicians = clinicians;
        this.memberships = memberships;
        this.methods = methods;
        this.access = access;
    }

    /** The clinician's methods as pages use them (email at once when they saved none). */
    @WithSession
    public Uni<List<Recipient.Contact>> get(UUID clinicianId, Caller caller) {
        return mayManage(clinicianId, caller, LockModeType.NONE)
                .flatMap(clinician -> methods.ofClinician(clinicianId).map(saved -> Recipient.contacts(clinician, saved)));
    }

    /**
     * Replaces the clinician's methods. At least one must fire at once, so that a page always reaches them before its level can
     * time out; an address fits its channel; a channel and address appear once.
     */
    @WithTransaction
    public Uni<List<Recipient.Contact>> replace(UUID clinicianId, List<ContactMethodRequest> request, Caller caller) {
        List<ContactMethod> rows = rows(clinicianId, request);
        // Locked: two replacements of one clinician's methods run one after the other.
        return mayManage(clinicianId, caller, LockModeType.PESSIMISTIC_WRITE).flatMap(clinician -> methods
                .replace(clinicianId, rows).map(saved -> Recipient.contacts(clinician, saved)));
    }

    private static List<ContactMethod> rows(UUID clinicianId, List<ContactMethodRequest> request) {
        if (request.stream().noneMatch(m -> m.delaySeconds() == 0)) {
            throw ProblemException.unprocessable("delaySeconds",
                    "must be 0 for at least one method, so that a page reaches the clinician at once");
        }
        Set<String> seen = new HashSet<>();
        List<ContactMethod> rows = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            ContactMethodRequest m = request.get(i);
            String address = m.address().strip();
            boolean fits = m.type() == ContactMethodType.EMAIL ? EMAIL.matcher(address).matches()
                    : PHONE.matcher(address).matches();
            if (!fits) {
                throw ProblemException.unprocessable("[" + i + "].address", m.type() == ContactMethodType.EMAIL
                        ? "must be an email address" : "must be an E.164 phone number such as +15550123");
            }
            if (!seen.add(m.type() + " " + address.toLowerCase(Locale.ROOT))) {
                throw ProblemException.unprocessable("[" + i + "]", "repeats a channel and address given before");
            }
            ContactMethod row = new ContactMethod();
            row.clinicianId = clinicianId;
            row.position = (short) i;
            row.type = m.type();
            row.address = address;
            row.delaySeconds = m.delaySeconds();
            rows.add(row);
        }
        return rows;
    }

    /**
     * The clinician, if the caller is that clinician, or an admin, or may act as coordinator at one of the centers the
     * clinician belongs to. Staff of such a center without that power: 403; anybody else: 404.
     */
    private Uni<Clinician> mayManage(UUID clinicianId, Caller caller, LockModeType lock) {
        return clinicians.findById(clinicianId, lock).flatMap(clinician -> {
            if (clinician == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Clinician"));
            }
            if (clinician.subject.equals(caller.subject())) {
                return Uni.createFrom().item(clinician);
            }
            return memberships.ofClinician(clinicianId)
                    .flatMap(all -> coordinatorAtAny(all.stream().map(m -> m.centerId).toList(), 0, caller, null))
                    .replaceWith(clinician);
        });
    }

    private Uni<Void> coordinatorAtAny(List<UUID> centers, int i, Caller caller, ProblemException refused) {
        if (i == centers.size()) {
            return Uni.createFrom().failure(refused != null && refused.status() == 403 ? refused
                    : ProblemException.notFound("Clinician"));
        }
        return access.staff(centers.get(i), caller, Roles.COORDINATOR).replaceWithVoid().onFailure(ProblemException.class)
                .recoverWithUni(e -> {
                    ProblemException problem = (ProblemException) e;
                    return coordinatorAtAny(centers, i + 1, caller,
                            refused != null && refused.status() == 403 ? refused : problem);
                });
    }
}
