package org.cartcompanion.alert.policy;

import java.time.Duration;
import java.util.List;

import org.cartcompanion.alert.escalation.engine.Level;
import org.cartcompanion.alert.escalation.engine.Policy;
import org.cartcompanion.alert.escalation.engine.Target;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An escalation policy as the API carries it and as it is stored (on the center, and copied onto each alert it opens).
 * {@code resolveWithinSeconds} and {@code exhaustedRepageSeconds} are additions to API.md with defaults.
 */
// Written and read with Jackson by hand (stored as JSON), so the native image must keep its accessors.
@RegisterForReflection
public record PolicyDocument(List<LevelDocument> levels, Integer repeat, String fallbackEmail, Integer resolveWithinSeconds,
        Integer exhaustedRepageSeconds) {

    public record LevelDocument(List<String> targets, Integer ackTimeoutSeconds) {
    }

    /** The engine's policy; call on a validated document only. */
    public Policy toPolicy() {
        List<Level> engineLevels = levels.stream()
                .map(l -> new Level(l.targets().stream().map(Target::parse).toList(),
                        Duration.ofSeconds(l.ackTimeoutSeconds())))
                .toList();
        return new Policy(engineLevels, repeat == null ? 0 : repeat, blankToNull(fallbackEmail),
                resolveWithinSeconds == null ? Policy.DEFAULT_RESOLVE_WITHIN : Duration.ofSeconds(resolveWithinSeconds),
                exhaustedRepageSeconds == null ? Policy.DEFAULT_EXHAUSTED_REPAGE
                        : Duration.ofSeconds(exhaustedRepageSeconds));
    }

    public static PolicyDocument of(Policy policy) {
        return new PolicyDocument(
                policy.levels().stream()
                        .map(l -> new LevelDocument(l.targets().stream().map(Target::code).toList(),
                                Math.toIntExact(l.ackTimeout().toSeconds())))
                        .toList(),
                policy.repeat(), policy.fallbackEmail(), Math.toIntExact(policy.resolveWithin().toSeconds()),
                Math.toIntExact(policy.exhaustedRepage().toSeconds()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
