package org.cartcompanion.patient.triage;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rules in force for one triage: the default table plus a center's threshold overrides, with the version that every result
 * records.
 */
public final class RuleSet {

    /** The version of the default rule table; bump it whenever a default or a rule changes. */
    public static final String DEFAULT_VERSION = "default-2";

    public static final RuleSet DEFAULT = new RuleSet(DEFAULT_VERSION, Map.of());

    private final String version;
    private final double[] values;
    private final Map<Threshold, Double> overrides;

    private RuleSet(String version, Map<Threshold, Double> overrides) {
        this.version = version;
        this.overrides = Collections.unmodifiableMap(overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides));
        this.values = new double[Threshold.values().length];
        for (Threshold t : Threshold.values()) {
            values[t.ordinal()] = overrides.getOrDefault(t, t.defaultValue());
        }
    }

    /**
     * The default table with a center's overrides. Values outside a threshold's allowed range are refused: a center may tune
     * the rules, not switch them off.
     *
     * @param overrideVersion
     *            the center's version label, e.g. {@code <centerId>.v3}
     */
    public static RuleSet withOverrides(String overrideVersion, Map<Threshold, Double> overrides) {
        if (overrides.isEmpty()) {
            return DEFAULT;
        }
        for (Map.Entry<Threshold, Double> o : overrides.entrySet()) {
            Threshold t = o.getKey();
            double v = o.getValue();
            if (Double.isNaN(v) || v < t.min() || v > t.max()) {
                throw new IllegalArgumentException(t.name() + " must be between " + t.min() + " and " + t.max());
            }
        }
        return new RuleSet(DEFAULT_VERSION + "+" + overrideVersion, overrides);
    }

    public String version() {
        return version;
    }

    public double get(Threshold threshold) {
        return values[threshold.ordinal()];
    }

    /** A threshold measured in hours, as a duration (to the minute). */
    public Duration hours(Threshold threshold) {
        return Duration.ofMinutes(Math.round(get(threshold) * 60));
    }

    public Map<Threshold, Double> overrides() {
        return overrides;
    }

    @Override
    public String toString() {
        return overrides.isEmpty() ? version : version + " " + overrides;
    }
}
