package org.cartcompanion.patient.triage;

import java.util.List;

import org.cartcompanion.patient.patient.Language;

/**
 * The questions of a check-in other than the symptom codes: what is measured or counted, with the check-in field each answers,
 * its range (API.md) and its wording in English and Spanish (clinical-rules.md §10.3: about a grade-6 reading level; a default
 * for the center's clinical lead to review, like {@link SymptomWording}).
 */
public enum Question {
    TEMPERATURE("temperature", Kind.NUMBER, FormGroup.TEMPERATURE, "C", 30, 45,
            "Your temperature",
            "Take it by mouth with a digital thermometer if you can. Never take it in the bottom (rectum).",
            "Su temperatura",
            "Tómela en la boca con un termómetro digital si puede. Nunca la tome por el recto (el ano)."),
    TEMPERATURE_METHOD("temperatureMethod", Kind.CHOICE, FormGroup.TEMPERATURE, null, null, null,
            "Where did you take it?",
            "By mouth is best. Under the arm, on the forehead or in the ear reads lower or less exactly.",
            "¿Dónde se la tomó?",
            "En la boca es lo mejor. Debajo del brazo, en la frente o en el oído marca más bajo o es menos exacto."),
    ANTIPYRETIC_LAST_6H("antipyreticLast6h", Kind.BOOLEAN, FormGroup.TEMPERATURE, null, null, null,
            "Medicine for fever or pain, or a steroid, in the last 6 hours?",
            "For example acetaminophen (Tylenol), ibuprofen (Advil), naproxen or prednisone. These can hide a fever.",
            "¿Tomó medicina para la fiebre o el dolor, o un esteroide, en las últimas 6 horas?",
            "Por ejemplo acetaminofén (Tylenol), ibuprofeno (Advil), naproxeno o prednisona. Pueden esconder una fiebre."),
    SPO2("spo2", Kind.NUMBER, FormGroup.VITALS, "%", 50, 100,
            "Oxygen level (pulse oximeter)",
            "The SpO2 number on the clip you put on your finger. Sit still for a minute first. Leave it empty if you have no"
                    + " oximeter.",
            "Nivel de oxígeno (oxímetro)",
            "El número SpO2 del aparato que se pone en el dedo. Quédese quieto un minuto antes. Déjelo vacío si no tiene"
                    + " oxímetro."),
    HEART_RATE("heartRate", Kind.NUMBER, FormGroup.VITALS, "/min", 20, 250,
            "Pulse (heart rate) at rest",
            "Beats in one minute, from your blood pressure cuff or oximeter, after sitting still for 5 minutes.",
            "Pulso en reposo",
            "Latidos en un minuto, de su aparato de presión o de su oxímetro, después de estar sentado 5 minutos."),
    SYSTOLIC_BP("systolicBp", Kind.NUMBER, FormGroup.VITALS, "mmHg", 40, 300,
            "Blood pressure: the top number",
            "The first and bigger number on your blood pressure cuff, for example 120 in 120/80.",
            "Presión arterial: el número de arriba",
            "El primer número, el más grande, de su aparato de presión; por ejemplo 120 en 120/80."),
    RESPIRATORY_RATE("respiratoryRate", Kind.NUMBER, FormGroup.VITALS, "/min", 4, 80,
            "Breaths in one minute",
            "Someone counts how many times your chest rises in one full minute while you rest.",
            "Respiraciones en un minuto",
            "Otra persona cuenta cuántas veces sube su pecho en un minuto completo mientras usted descansa."),
    STOOLS_ABOVE_BASELINE("stoolsAboveBaseline", Kind.NUMBER, FormGroup.SYMPTOMS, "stools", 0, 50,
            "Loose stools (poop) in the last 24 hours, more than usual",
            "How many more loose or watery stools than you usually have in a day. Enter 0 if none.",
            "Heces (popó) sueltas en las últimas 24 horas, más de lo normal",
            "Cuántas heces sueltas o aguadas más de las que suele tener en un día. Ponga 0 si ninguna."),
    ICE_SCORE("iceScore", Kind.NUMBER, FormGroup.NEURO, "points", 0, 10,
            "Home brain check: score out of 10",
            "Your caregiver does the check from your care plan: year, month, city and place (4 points), naming 3 things"
                    + " (3), following a command (1), writing a sentence (1), counting back from 100 by tens (1).",
            "Revisión del cerebro en casa: puntos de 10",
            "Quien le cuida hace la revisión de su plan de cuidado: el año, el mes, la ciudad y el lugar (4 puntos),"
                    + " nombrar 3 cosas (3), seguir una orden (1), escribir una frase (1), contar de 100 hacia atrás de 10 en"
                    + " 10 (1).");

    /** How a question is answered. */
    public enum Kind {
        BOOLEAN, NUMBER, CHOICE
    }

    /** One answer of a choice question: the code sent and its wording. */
    public record Option(String code, String labelEn, String labelEs) {

        public String label(Language language) {
            return language == Language.ES ? labelEs : labelEn;
        }
    }

    /** Where the temperature was taken: the {@link Temperature.Method} codes. */
    public static final List<Option> METHODS = List.of(
            new Option(Temperature.Method.ORAL.name(), "By mouth", "En la boca"),
            new Option(Temperature.Method.AXILLARY.name(), "Under the arm", "Debajo del brazo"),
            new Option(Temperature.Method.TEMPORAL.name(), "On the forehead", "En la frente"),
            new Option(Temperature.Method.TYMPANIC.name(), "In the ear", "En el oído"),
            new Option(Temperature.Method.WEARABLE.name(), "A patch or band you wear", "Un parche o banda que lleva puesto"));

    /** The temperature range in °F (API.md: 86–113 °F, as 30–45 °C). */
    public static final double MIN_F = 86;
    public static final double MAX_F = 113;

    private final String code;
    private final Kind kind;
    private final FormGroup group;
    private final String unit;
    private final Integer min;
    private final Integer max;
    private final SymptomWording.Text en;
    private final SymptomWording.Text es;

    Question(String code, Kind kind, FormGroup group, String unit, Integer min, Integer max, String labelEn, String helpEn,
            String labelEs, String helpEs) {
        this.code = code;
        this.kind = kind;
        this.group = group;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.en = new SymptomWording.Text(labelEn, helpEn);
        this.es = new SymptomWording.Text(labelEs, helpEs);
    }

    /** The check-in field this question answers. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public FormGroup group() {
        return group;
    }

    /** Null for a question that is not a measurement. */
    public String unit() {
        return unit;
    }

    public Integer min() {
        return min;
    }

    public Integer max() {
        return max;
    }

    public SymptomWording.Text text(Language language) {
        return language == Language.ES ? es : en;
    }
}
