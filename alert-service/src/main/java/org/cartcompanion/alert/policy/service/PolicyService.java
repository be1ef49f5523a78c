package org.cartcompanion.alert.policy.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.access.client.Directory;
import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.escalation.engine.Policy;
import org.cartcompanion.alert.policy.EscalationPolicy;
import org.cartcompanion.alert.policy.PolicyDocument;
import org.cartcompanion.alert.policy.PolicySnapshot;
import org.cartcompanion.alert.policy.repository.EscalationPolicyRepository;
import org.cartcompanion.support.problem.Problem.FieldError;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.CenterAuthority;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Centers' escalation policies: validated on save (every target must name somebody), the default when none is saved. */
@ApplicationScoped
public class PolicyService {

    /** A center's policy as it applies now, with its version (0 for the default). */
    public record Current(UUID centerId, PolicyDocument document, int version, boolean isDefault, EscalationPolicy saved) {
    }

    private final EscalationPolicyRepository policies;
    private final Directory directory;
    private final Clock clock;
    private final AlertConfig config;

    public PolicyService(EscalationPolicyRepository policies, Directory directory, Clock clock,
            AlertConfig config) {
        this.config = config;
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
    }

    /** Staff of the center read its policy; anybody else gets 404. */
    public Uni<Current> get(UUID centerId, Caller caller) {
        return directory.memberships(caller.subject()).flatMap(m -> {
            if (!m.isStaffOf(centerId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Center"));
            }
            return current(centerId);
        });
    }

    public Uni<Current> current(UUID centerId) {
        return Panache.withSession(() -> policies.findById(centerId)).map(saved -> saved == null
                ? new Current(centerId, PolicyDocument.of(Policy.defaults(config.escalation().defaultAckTimeout(),
                        config.escalation().defaultRepeat())), 0, true, null)
                : new Current(centerId, saved.document.document(), saved.version, false, saved));
    }

    /** A coordinator of the center saves a new version; 422 with every reason when the policy cannot work. */
    public Uni<Current> save(UUID centerId, PolicyDocument document, Caller caller) {
        // Read now, in the request: the callback may run where the request's beans are gone.
        java.util.Set<String> groups = java.util.Set.copyOf(caller.roles());
        return directory.memberships(caller.subject()).flatMap(m -> {
            if (!CenterAuthority.mayActAs(groups, m.roleAt(centerId), Roles.COORDINATOR)) {
                return Uni.createFrom().failure(m.isStaffOf(centerId)
                        ? ProblemException.forbidden("Only a coordinator of the center changes its escalation policy.")
                        : ProblemException.notFound("Center"));
            }
            List<FieldError> shape = PolicyValidation.shape(document);
            if (!shape.isEmpty()) {
                return Uni.createFrom().failure(invalid(shape));
            }
            return directory.escalationTargets(centerId).flatMap(known -> {
                List<FieldError> targets = PolicyValidation.targets(document, known);
                if (!targets.isEmpty()) {
                    return Uni.createFrom().failure(invalid(targets));
                }
                PolicyDocument normalized = PolicyDocument.of(document.toPolicy());
                return store(centerId, normalized, caller.subject());
            });
        });
    }

    private Uni<Current> store(UUID centerId, PolicyDocument document, String by) {
        return Panache.withTransaction(() -> policies.findById(centerId).flatMap(existing -> {
            EscalationPolicy p = existing != null ? existing : new EscalationPolicy();
            p.centerId = centerId;
            p.document = PolicySnapshot.of(document);
            p.version = existing == null ? 1 : existing.version + 1;
            p.updatedAt = clock.instant();
            p.updatedBy = by;
            Uni<EscalationPolicy> saved = existing == null ? policies.persist(p) : Uni.createFrom().item(p);
            return saved.invoke(s -> Log.infof("Escalation policy of center %s saved as version %d", centerId, s.version))
                    .map(s -> new Current(centerId, document, s.version, false, s));
        }));
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "invalid-policy", "The escalation policy cannot be used: " + errors.get(0).field()
                + " " + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                + ".", errors);
    }
}
