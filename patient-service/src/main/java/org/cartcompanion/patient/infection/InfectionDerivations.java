package org.cartcompanion.patient.infection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cartcompanion.patient.infection.InfectionCodes.CovidTest;
import org.cartcompanion.patient.infection.InfectionCodes.DocumentationLevel;
import org.cartcompanion.patient.infection.InfectionCodes.PathogenClass;
import org.cartcompanion.patient.infection.InfectionCodes.ProphylaxisClass;
import org.cartcompanion.patient.infection.InfectionCodes.Site;
import org.cartcompanion.patient.timeline.Timeline;

/**
 * What an infection record derives (clinical-rules.md §5): timing buckets, breakthrough on prophylaxis, and CIBMTR
 * reportability by the §5.1 rules. Pure; no framework types.
 */
public final class InfectionDerivations {

    /** Sites whose infections CIBMTR does not collect on their own (oral/stool Candida, nails, superficial yeast). */
    private static final Set<Site> SUPERFICIAL = EnumSet.of(Site.ORAL_MUCOSA, Site.NAIL, Site.GENITAL_SUPERFICIAL);

    private InfectionDerivations() {
    }

    /** A prophylaxis course: in use at a date when started on or before it and not stopped before it. */
    public record Course(ProphylaxisClass prophylaxisClass, String agent, LocalDate started, LocalDate stopped) {

        public boolean activeOn(LocalDate date) {
            return (started == null || !started.isAfter(date)) && (stopped == null || !stopped.isBefore(date));
        }
    }

    /** Registry re-bucketing of the day number (≤28, ≤30, 31–90, 31–100, >100, >365). */
    public static List<String> buckets(long day) {
        List<String> buckets = new ArrayList<>();
        if (day <= 28) {
            buckets.add("D0_28");
        }
        if (day <= 30) {
            buckets.add("D0_30");
        }
        if (day >= 31 && day <= 90) {
            buckets.add("D31_90");
        }
        if (day >= 31 && day <= 100) {
            buckets.add("D31_100");
        }
        if (day > 100) {
            buckets.add("D101_PLUS");
        }
        if (day > 365) {
            buckets.add("D366_PLUS");
        }
        return buckets;
    }

    public static long dayPostInfusion(LocalDate infusionDate, LocalDate onsetDate) {
        return Timeline.dayPostInfusion(infusionDate, onsetDate);
    }

    /** An infection of the kind a course in use at onset was meant to prevent. */
    public static boolean breakthrough(PathogenClass pathogen, List<String> organisms, List<Course> courses, LocalDate onset) {
        boolean pneumocystis = organisms.stream().anyMatch(o -> o.toLowerCase().contains("pneumocystis"));
        for (Course course : courses) {
            if (!course.activeOn(onset)) {
                continue;
            }
            boolean prevents = switch (course.prophylaxisClass()) {
            case ANTIBACTERIAL -> pathogen == PathogenClass.BACTERIAL;
            case ANTIVIRAL_HSV_VZV, ANTIVIRAL_HBV -> pathogen == PathogenClass.VIRAL;
            case ANTIFUNGAL_YEAST, ANTIFUNGAL_MOLD -> pathogen == PathogenClass.FUNGAL && !pneumocystis;
            case PJP -> pneumocystis;
            };
            if (prevents) {
                return true;
            }
        }
        return false;
    }

    /**
     * CIBMTR reportability (§5.1): clinically significant (needing treatment), documented (not fever of unknown origin), not a
     * presumed-viral upper respiratory infection without an identified virus, not only superficial flora sites, not an
     * antibody-only COVID-19 result, and not a recurrence inside the same-infection window of an event already recorded.
     */
    public static boolean cibmtrReportable(PathogenClass pathogen, DocumentationLevel documentation, Set<Site> sites,
            boolean treatmentRequired, CovidTest covidTest, boolean sameInfectionAsEarlier) {
        if (!treatmentRequired || sameInfectionAsEarlier) {
            return false;
        }
        if (documentation == DocumentationLevel.FUO || pathogen == PathogenClass.FUO) {
            return false;
        }
        if (covidTest == CovidTest.ANTIBODY_ONLY) {
            return false;
        }
        if (pathogen == PathogenClass.VIRAL && documentation != DocumentationLevel.MICROBIOLOGICAL && covidTest == null
                && !sites.isEmpty() && EnumSet.of(Site.UPPER_RESPIRATORY, Site.SINUS).containsAll(sites)) {
            return false;
        }
        return sites.isEmpty() || !SUPERFICIAL.containsAll(sites);
    }
}
