package org.cartcompanion.alert.escalation.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * Whom a level pages, as written in a policy: {@code ON_CALL:PRIMARY}, {@code ON_CALL:BACKUP}, {@code CARE_TEAM},
 * {@code COMMUNITY_PHYSICIAN} or {@code CLINICIAN:{id}}. Who that is at a given moment is looked up when the level fires.
 */
public record Target(Kind kind, UUID clinicianId) {

    public enum Kind {
        ON_CALL_PRIMARY, ON_CALL_BACKUP, CARE_TEAM, COMMUNITY_PHYSICIAN, CLINICIAN
    }

    public static final Target PRIMARY = new Target(Kind.ON_CALL_PRIMARY, null);
    public static final Target BACKUP = new Target(Kind.ON_CALL_BACKUP, null);
    public static final Target CARE_TEAM = new Target(Kind.CARE_TEAM, null);
    public static final Target COMMUNITY_PHYSICIAN = new Target(Kind.COMMUNITY_PHYSICIAN, null);

    public Target {
        Objects.requireNonNull(kind);
        if ((kind == Kind.CLINICIAN) != (clinicianId != null)) {
            throw new IllegalArgumentException("A clinician id goes with CLINICIAN targets only");
        }
    }

    public static Target clinician(UUID id) {
        return new Target(Kind.CLINICIAN, Objects.requireNonNull(id));
    }

    /** Parses the policy's code; throws {@link IllegalArgumentException} with a readable reason. */
    public static Target parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("A target is empty");
        }
        return switch (code) {
        case "ON_CALL:PRIMARY" -> PRIMARY;
        case "ON_CALL:BACKUP" -> BACKUP;
        case "CARE_TEAM" -> CARE_TEAM;
        case "COMMUNITY_PHYSICIAN" -> COMMUNITY_PHYSICIAN;
        default -> {
            if (code.startsWith("CLINICIAN:")) {
                try {
                    yield clinician(UUID.fromString(code.substring("CLINICIAN:".length())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + code + "' does not name a clinician id");
                }
            }
            throw new IllegalArgumentException("Unknown target '" + code + "'; use ON_CALL:PRIMARY, ON_CALL:BACKUP, "
                    + "CARE_TEAM, COMMUNITY_PHYSICIAN or CLINICIAN:{id}");
        }
        };
    }

    public String code() {
        return switch (kind) {
        case ON_CALL_PRIMARY -> "ON_CALL:PRIMARY";
        case ON_CALL_BACKUP -> "ON_CALL:BACKUP";
        case CARE_TEAM -> "CARE_TEAM";
        case COMMUNITY_PHYSICIAN -> "COMMUNITY_PHYSICIAN";
        case CLINICIAN -> "CLINICIAN:" + clinicianId;
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
