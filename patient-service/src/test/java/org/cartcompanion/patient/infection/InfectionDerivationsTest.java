package org.cartcompanion.patient.infection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.cartcompanion.patient.infection.InfectionCodes.CovidTest;
import org.cartcompanion.patient.infection.InfectionCodes.DocumentationLevel;
import org.cartcompanion.patient.infection.InfectionCodes.PathogenClass;
import org.cartcompanion.patient.infection.InfectionCodes.ProphylaxisClass;
import org.cartcompanion.patient.infection.InfectionCodes.Site;
import org.cartcompanion.patient.infection.InfectionDerivations.Course;
import org.junit.jupiter.api.Test;

/** clinical-rules.md §5: timing buckets, breakthrough on prophylaxis, CIBMTR reportability. */
class InfectionDerivationsTest {

    private static final LocalDate ONSET = LocalDate.of(2026, 3, 12);

    @Test
    void bucketsReBucketTheDayNumber() {
        assertEquals(List.of("D0_28", "D0_30"), InfectionDerivations.buckets(28));
        assertEquals(List.of("D0_30"), InfectionDerivations.buckets(29));
        assertEquals(List.of("D31_90", "D31_100"), InfectionDerivations.buckets(31));
        assertEquals(List.of("D31_100"), InfectionDerivations.buckets(91));
        assertEquals(List.of("D101_PLUS"), InfectionDerivations.buckets(101));
        assertEquals(List.of("D101_PLUS", "D366_PLUS"), InfectionDerivations.buckets(366));
    }

    @Test
    void breakthroughIsAnInfectionTheActiveCourseWasMeantToPrevent() {
        Course levofloxacin = new Course(ProphylaxisClass.ANTIBACTERIAL, "levofloxacin", ONSET.minusDays(10), null);
        assertTrue(InfectionDerivations.breakthrough(PathogenClass.BACTERIAL, List.of(), List.of(levofloxacin), ONSET));
        assertFalse(InfectionDerivations.breakthrough(PathogenClass.VIRAL, List.of(), List.of(levofloxacin), ONSET));
        Course stopped = new Course(ProphylaxisClass.ANTIBACTERIAL, "levofloxacin", ONSET.minusDays(30), ONSET.minusDays(1));
        assertFalse(InfectionDerivations.breakthrough(PathogenClass.BACTERIAL, List.of(), List.of(stopped), ONSET));
        Course stoppedThatDay = new Course(ProphylaxisClass.ANTIBACTERIAL, "levofloxacin", null, ONSET);
        assertTrue(InfectionDerivations.breakthrough(PathogenClass.BACTERIAL, List.of(), List.of(stoppedThatDay), ONSET));
        Course tmpSmx = new Course(ProphylaxisClass.PJP, "TMP-SMX", ONSET.minusDays(5), null);
        assertTrue(InfectionDerivations.breakthrough(PathogenClass.FUNGAL, List.of("Pneumocystis jirovecii"), List.of(tmpSmx),
                ONSET));
        Course fluconazole = new Course(ProphylaxisClass.ANTIFUNGAL_YEAST, "fluconazole", ONSET.minusDays(5), null);
        assertTrue(InfectionDerivations.breakthrough(PathogenClass.FUNGAL, List.of("Candida glabrata"), List.of(fluconazole),
                ONSET));
        assertFalse(InfectionDerivations.breakthrough(PathogenClass.FUNGAL, List.of("Pneumocystis jirovecii"),
                List.of(fluconazole), ONSET));
        Course valacyclovir = new Course(ProphylaxisClass.ANTIVIRAL_HSV_VZV, "valacyclovir", ONSET.minusDays(60), null);
        assertTrue(InfectionDerivations.breakthrough(PathogenClass.VIRAL, List.of("Varicella zoster virus"),
                List.of(valacyclovir), ONSET));
    }

    @Test
    void reportabilityFollowsTheCibmtrRules() {
        EnumSet<Site> blood = EnumSet.of(Site.BLOODSTREAM);
        assertTrue(
                InfectionDerivations.cibmtrReportable(PathogenClass.BACTERIAL, DocumentationLevel.MICROBIOLOGICAL, blood, true,
                        null, false));
        assertFalse(
                InfectionDerivations.cibmtrReportable(PathogenClass.BACTERIAL, DocumentationLevel.MICROBIOLOGICAL, blood, false,
                        null, false),
                "not clinically significant");
        assertFalse(InfectionDerivations.cibmtrReportable(PathogenClass.FUO, DocumentationLevel.FUO, EnumSet.noneOf(Site.class),
                true,
                null, false), "culture-negative neutropenic fever");
        assertFalse(InfectionDerivations.cibmtrReportable(PathogenClass.VIRAL, DocumentationLevel.CLINICAL,
                EnumSet.of(Site.UPPER_RESPIRATORY), true, null, false), "presumed viral URI, no virus identified");
        assertTrue(InfectionDerivations.cibmtrReportable(PathogenClass.VIRAL, DocumentationLevel.MICROBIOLOGICAL,
                EnumSet.of(Site.UPPER_RESPIRATORY), true, null, false), "identified respiratory virus");
        assertTrue(InfectionDerivations.cibmtrReportable(PathogenClass.VIRAL, DocumentationLevel.CLINICAL,
                EnumSet.of(Site.UPPER_RESPIRATORY), true, CovidTest.ANTIGEN, false), "COVID-19 antigen positive");
        assertFalse(InfectionDerivations.cibmtrReportable(PathogenClass.VIRAL, DocumentationLevel.MICROBIOLOGICAL,
                EnumSet.of(Site.LOWER_RESPIRATORY), true, CovidTest.ANTIBODY_ONLY, false), "COVID-19 antibody only");
        assertFalse(InfectionDerivations.cibmtrReportable(PathogenClass.FUNGAL, DocumentationLevel.MICROBIOLOGICAL,
                EnumSet.of(Site.ORAL_MUCOSA), true, null, false), "oral Candida");
        assertTrue(InfectionDerivations.cibmtrReportable(PathogenClass.FUNGAL, DocumentationLevel.MICROBIOLOGICAL,
                EnumSet.of(Site.ORAL_MUCOSA, Site.BLOODSTREAM), true, null, false), "candidemia with thrush");
        assertFalse(
                InfectionDerivations.cibmtrReportable(PathogenClass.BACTERIAL, DocumentationLevel.MICROBIOLOGICAL, blood, true,
                        null, true),
                "the same infection as an earlier record");
    }
}
