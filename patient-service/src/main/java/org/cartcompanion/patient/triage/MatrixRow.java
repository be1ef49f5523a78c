package org.cartcompanion.patient.triage;

import static org.cartcompanion.patient.triage.Disposition.CENTER_NOW;
import static org.cartcompanion.patient.triage.Disposition.CENTER_SAME_DAY;
import static org.cartcompanion.patient.triage.Disposition.COMMUNITY_24H;
import static org.cartcompanion.patient.triage.Disposition.SELF_CARE;

/**
 * The symptom × phase matrix (clinical-rules.md §4.3, the home vital-sign rows of §2.2, the "cannot swallow" hook of §2.5 and
 * the rows of §10.2–§10.3) as data: each row's disposition per phase column and when to recheck. Every row applies with or
 * without a fever (§10.1). A fired row is recorded as {@code <ROW>_<COLUMN>}, e.g. {@code FEVER_P1}.
 */
public enum MatrixRow {
    FEVER(Group.FEVER, "Temperature at or above the fever threshold (single reading), or a low-grade one that counts as fever",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY), rechecks(0, 0, 0, 60)),
    TEMP_BORDERLINE(Group.FEVER, "Low-grade temperature (37.5–37.9 °C)",
            cells(CENTER_SAME_DAY, SELF_CARE, SELF_CARE, SELF_CARE), rechecks(30, 60, 120, 240)),
    LOW_TEMP(Group.FEVER, "Temperature below 36.0 °C and feels unwell",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY), none()),
    RIGORS(Group.FEVER, "Rigors / shaking chills at any temperature",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY), none()),
    FEELS_UNWELL(Group.OTHER, "Feels unwell (with or without a temperature)",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    DIZZY(Group.CIRCULATION, "Dizziness on standing, near-faint, or systolic BP below the low threshold",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    SBP_BELOW_BASELINE(Group.CIRCULATION, "Systolic BP more than 30 below the patient's baseline",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    COLD_CLAMMY_SKIN(Group.CIRCULATION, "Cold, clammy, pale or blotchy skin",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    HEART_RATE(Group.CIRCULATION, "Resting heart rate above the high threshold",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    PALPITATIONS(Group.CIRCULATION, "New racing or irregular heartbeat",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    BREATHLESS_REST(Group.RESPIRATORY, "Breathless at rest or on talking, or SpO₂ below the low threshold",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    SPO2_BELOW_BASELINE(Group.RESPIRATORY, "SpO₂ 3 points or more below the patient's baseline",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    RESP_RATE(Group.RESPIRATORY, "Respiratory rate at or above the high threshold",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    BREATHLESS_EXERTION(Group.RESPIRATORY, "Breathless on exertion",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H), none()),
    NEURO(Group.NEURO, "New confusion, word-finding trouble, handwriting change, unusual sleepiness, new tremor, agitation or "
            + "'not themselves', or a home-ICE drop",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    DELAYED_NEURO(Group.NEURO, "Delayed neuro pattern: slowness, facial droop alone, numbness/tingling",
            cells(CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    ASCENDING_WEAKNESS(Group.NEURO, "Ascending weakness without breathing or swallowing trouble",
            cells(CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    NEURO_PROGRESSING(Group.NEURO,
            "A neuro or weakness symptom worse over hours, or reported again 2 h or more after an earlier "
                    + "check-in within 24 h",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    SEVERE_HEADACHE(Group.OTHER, "Severe (worst-ever) headache, stiff neck, or headache with fever",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    HEADACHE(Group.OTHER, "Headache, not the worst ever",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    COUGH_FEVER(Group.RESPIRATORY, "Cough with fever or breathlessness",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    COUGH(Group.RESPIRATORY, "Cough (with or without fever)",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H), none()),
    URI(Group.RESPIRATORY, "Runny nose or sore throat (with or without fever)",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    DIARRHEA_SEVERE(Group.GI, "Diarrhea at or above the severe count, bloody, or with fever or dizziness",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY), none()),
    DIARRHEA_MODERATE(Group.GI, "Diarrhea at or above the moderate count",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    DIARRHEA_MILD(Group.GI, "Diarrhea below the moderate count",
            cells(SELF_CARE, SELF_CARE, SELF_CARE, SELF_CARE), rechecks(720, 0, 0, 0)),
    VOMITING(Group.GI, "Vomiting, cannot keep fluids or prophylaxis pills down",
            cells(CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H), none()),
    NOT_EATING(Group.GI, "Not eating or drinking for 24 h",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H), none()),
    URINARY(Group.OTHER, "Burning urination or flank pain (with or without fever)",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    URINARY_NEUTROPENIC(Group.OTHER, "Burning urination or flank pain with ANC below 500 (or unknown while day ≤ 30)",
            cells(CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    BLISTER_RASH(Group.OTHER, "Blisters or vesicular rash",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    RASH_EYE_OR_FACE(Group.OTHER, "Blisters or rash on the face or near an eye, whatever the prophylaxis",
            cells(CENTER_NOW, CENTER_NOW, CENTER_NOW, CENTER_NOW), none()),
    NEW_RASH(Group.OTHER, "New non-blistering rash",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    BLEEDING(Group.OTHER, "Bleeding over 10 minutes, new petechiae, blood in urine or stool, black stools",
            cells(CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    HEAD_INJURY(Group.OTHER, "Head injury with a platelet count known to be at or above the bleeding threshold",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    LINE_SITE(Group.OTHER, "Central-line site redness, pain or pus",
            cells(CENTER_NOW, CENTER_NOW, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    MOUTH_SORES(Group.OTHER, "Mouth sores, can swallow",
            cells(CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H, SELF_CARE), none()),
    CANNOT_SWALLOW(Group.OTHER, "Cannot swallow",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    FATIGUE_SEVERE(Group.OTHER, "Severe fatigue, cannot get out of bed",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, COMMUNITY_24H, COMMUNITY_24H), none()),
    EXPOSURE(Group.OTHER, "Exposure to flu, COVID, RSV, chickenpox/shingles or measles",
            cells(CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY, CENTER_SAME_DAY), none()),
    MISSED_PROPHYLAXIS(Group.OTHER, "Missed a dose of antiviral or PJP prophylaxis",
            cells(COMMUNITY_24H, COMMUNITY_24H, COMMUNITY_24H, COMMUNITY_24H), none());

    /** Which modifiers a row answers to (M3, M5, M14 raise by group). */
    public enum Group {
        FEVER, CIRCULATION, RESPIRATORY, NEURO, GI, OTHER
    }

    /** The matrix columns: P1 0–14, P2 15–30, P3 31–100, P4–P5 over 100. */
    public enum Column {
        P1, P2, P3, P4P5;

        public static Column of(org.cartcompanion.patient.timeline.Phase phase) {
            return switch (phase) {
            case P0_PRE, P1_ACUTE -> P1;
            case P2_EARLY -> P2;
            case P3_INTERMEDIATE -> P3;
            case P4_LATE, P5_LONG_TERM -> P4P5;
            };
        }
    }

    private final Group group;
    private final String description;
    private final Disposition[] cells;
    private final int[] recheckMinutes;

    MatrixRow(Group group, String description, Disposition[] cells, int[] recheckMinutes) {
        this.group = group;
        this.description = description;
        this.cells = cells;
        this.recheckMinutes = recheckMinutes;
    }

    public Group group() {
        return group;
    }

    public String description() {
        return description;
    }

    public Disposition at(Column column) {
        return cells[column.ordinal()];
    }

    /**
     * Minutes until the patient should check again; 0 when none is set. A temperature row's recheck is always given when it
     * fires (§10.1); another row's only on self-care.
     */
    public int recheckMinutes(Column column) {
        return recheckMinutes[column.ordinal()];
    }

    /** The id recorded when this row fires in this column. */
    public String id(Column column) {
        return name() + "_" + column.name();
    }

    private static Disposition[] cells(Disposition p1, Disposition p2, Disposition p3, Disposition p45) {
        return new Disposition[] { p1, p2, p3, p45 };
    }

    private static int[] rechecks(int p1, int p2, int p3, int p45) {
        return new int[] { p1, p2, p3, p45 };
    }

    private static int[] none() {
        return new int[4];
    }
}
