package org.cartcompanion.patient.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where a patient stands after infusion, counted in the patient's own calendar: day 0 is the infusion date, and "today" is the
 * date in the patient's time zone, not the server's.
 */
public final class Timeline {

    private Timeline() {
    }

    /** The patient's local date at {@code now}. */
    public static LocalDate localDate(Instant now, ZoneId patientZone) {
        return now.atZone(patientZone).toLocalDate();
    }

    /** Days since infusion on the patient's local date; negative before infusion. */
    public static long dayPostInfusion(LocalDate infusionDate, LocalDate patientToday) {
        return ChronoUnit.DAYS.between(infusionDate, patientToday);
    }

    /** The canonical phase for a day number (clinical-rules.md §1.1). */
    public static Phase phaseOf(long day) {
        if (day < 0) {
            return Phase.P0_PRE;
        }
        if (day <= 14) {
            return Phase.P1_ACUTE;
        }
        if (day <= 30) {
            return Phase.P2_EARLY;
        }
        if (day <= 100) {
            return Phase.P3_INTERMEDIATE;
        }
        if (day <= 365) {
            return Phase.P4_LATE;
        }
        return Phase.P5_LONG_TERM;
    }
}
