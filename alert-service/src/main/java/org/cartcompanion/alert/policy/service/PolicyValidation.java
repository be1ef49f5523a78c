package org.cartcompanion.alert.policy.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cartcompanion.alert.access.client.EscalationTargets;
import org.cartcompanion.alert.access.client.Recipient;
import org.cartcompanion.alert.escalation.engine.Target;
import org.cartcompanion.alert.escalation.engine.Tier;
import org.cartcompanion.alert.policy.PolicyDocument;
import org.cartcompanion.support.problem.Problem.FieldError;

/** The checks a policy must pass before it is saved; each failure names the field and the reason. */
final class PolicyValidation {

    static final int MIN_ACK_TIMEOUT = 10;
    static final int MAX_ACK_TIMEOUT = 3600;
    static final int MAX_REPEAT = 10;
    static final int MAX_LEVELS = 10;
    static final int MAX_TARGETS = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    private PolicyValidation() {
    }

    /** Shape and ranges, without asking anybody. */
    static List<FieldError> shape(PolicyDocument policy) {
        List<FieldError> errors = new ArrayList<>();
        if (policy.levels() == null || policy.levels().isEmpty()) {
            errors.add(new FieldError("levels", "a policy needs at least one level"));
        } else if (policy.levels().size() > MAX_LEVELS) {
            errors.add(new FieldError("levels", "at most " + MAX_LEVELS + " levels"));
        } else {
            for (int i = 0; i < policy.levels().size(); i++) {
                PolicyDocument.LevelDocument level = policy.levels().get(i);
                String at = "levels[" + i + "]";
                if (level == null) {
                    errors.add(new FieldError(at, "a level is empty"));
                    continue;
                }
                if (level.targets() == null || level.targets().isEmpty()) {
                    errors.add(new FieldError(at + ".targets", "a level pages at least one target"));
                } else if (level.targets().size() > MAX_TARGETS) {
                    errors.add(new FieldError(at + ".targets", "at most " + MAX_TARGETS + " targets per level"));
                } else {
                    for (int t = 0; t < level.targets().size(); t++) {
                        try {
                            Target.parse(level.targets().get(t));
                        } catch (IllegalArgumentException e) {
                            errors.add(new FieldError(at + ".targets[" + t + "]", e.getMessage()));
                        }
                    }
                }
                Integer timeout = level.ackTimeoutSeconds();
                if (timeout == null || timeout < MIN_ACK_TIMEOUT || timeout > MAX_ACK_TIMEOUT) {
                    errors.add(new FieldError(at + ".ackTimeoutSeconds",
                            "must be between " + MIN_ACK_TIMEOUT + " and " + MAX_ACK_TIMEOUT + " seconds"));
                }
            }
        }
        if (policy.repeat() != null && (policy.repeat() < 0 || policy.repeat() > MAX_REPEAT)) {
            errors.add(new FieldError("repeat", "must be between 0 and " + MAX_REPEAT));
        }
        if (policy.fallbackEmail() != null && !policy.fallbackEmail().isBlank()
                && (policy.fallbackEmail().length() > 320 || !EMAIL.matcher(policy.fallbackEmail().trim()).matches())) {
            errors.add(new FieldError("fallbackEmail", "is not an email address"));
        }
        if (policy.resolveWithinSeconds() != null
                && (policy.resolveWithinSeconds() < 300 || policy.resolveWithinSeconds() > 86_400)) {
            errors.add(new FieldError("resolveWithinSeconds", "must be between 300 and 86400 seconds"));
        }
        if (policy.exhaustedRepageSeconds() != null
                && (policy.exhaustedRepageSeconds() < 60 || policy.exhaustedRepageSeconds() > 3600)) {
            errors.add(new FieldError("exhaustedRepageSeconds", "must be between 60 and 3600 seconds"));
        }
        return errors;
    }

    /**
     * Every target must name somebody: a clinician known to the center, an on-call tier with a rotation or shift. Care team and
     * community physician targets depend on the patient and are checked when they fire.
     */
    static List<FieldError> targets(PolicyDocument policy, EscalationTargets known) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> clinicians = new HashSet<>();
        for (Recipient r : known.clinicians() == null ? List.<Recipient> of() : known.clinicians()) {
            clinicians.add(r.clinicianId());
        }
        List<String> tiers = known.scheduledTiers() == null ? List.of() : known.scheduledTiers();
        for (int i = 0; i < policy.levels().size(); i++) {
            List<String> targets = policy.levels().get(i).targets();
            for (int t = 0; t < targets.size(); t++) {
                Target target = Target.parse(targets.get(t));
                String field = "levels[" + i + "].targets[" + t + "]";
                switch (target.kind()) {
                case CLINICIAN -> {
                    if (!clinicians.contains(target.clinicianId())) {
                        errors.add(new FieldError(field, "names no clinician known to this center"));
                    }
                }
                case ON_CALL_PRIMARY, ON_CALL_BACKUP -> {
                    Tier tier = target.kind() == Target.Kind.ON_CALL_PRIMARY ? Tier.PRIMARY : Tier.BACKUP;
                    if (!tiers.contains(tier.name())) {
                        errors.add(new FieldError(field, "the " + tier + " tier has no rotation or shift"));
                    }
                }
                case CARE_TEAM, COMMUNITY_PHYSICIAN -> {
                    // Named per patient; resolved when the level fires.
                }
                }
            }
        }
        return errors;
    }
}
