package org.cartcompanion.patient.triage;

import java.util.Set;

import org.cartcompanion.patient.patient.Language;

/**
 * Patient-facing instructions: short, plain, who to call and what not to do. English and Spanish. The wording is a default for
 * the center's clinical lead to review, like the rules themselves.
 */
public final class Instructions {

    public static final String EMERGENCY_NUMBER = "911";

    private Instructions() {
    }

    public static String render(Disposition disposition, Set<Advice> advice, Integer recheckMinutes, Language language,
            String centerPhone) {
        boolean es = language == Language.ES;
        String center = centerPhone == null || centerPhone.isBlank()
                ? (es ? "su centro de CAR-T" : "your CAR-T center")
                : (es ? "su centro de CAR-T al " : "your CAR-T center at ") + centerPhone;
        StringBuilder text = new StringBuilder(switch (disposition) {
        case EMERGENCY -> es
                ? "Llame al 911 ahora. Muestre su tarjeta de CAR-T al personal de emergencia. Estamos avisando a su equipo de CAR-T."
                : "Call 911 now. Show your CAR-T wallet card to the emergency team. We are alerting your CAR-T team.";
        case CENTER_NOW -> es
                ? "Llame ahora a " + center + ". No vaya a una sala de emergencias a menos que el centro se lo indique"
                        + " o que no le contesten en 30 minutos. Estamos avisando al médico de guardia."
                : "Call " + center + " now. Do not go to an emergency room unless the center tells you to, or nobody"
                        + " answers within 30 minutes. We are paging the on-call doctor.";
        case CENTER_SAME_DAY -> es
                ? "Su centro de CAR-T debe revisarle hoy. Le llamarán; si no tiene noticias en 4 horas, llame a " + center + "."
                : "Your CAR-T center needs to see you today. They will call you; if you have not heard within 4 hours,"
                        + " call " + center + ".";
        case COMMUNITY_24H -> es
                ? "Pida una cita con su médico en las próximas 24 horas. Su centro de CAR-T recibirá una copia."
                : "See your local doctor within 24 hours. Your CAR-T center will be copied.";
        case SELF_CARE -> es
                ? "Siga vigilándose en casa y vuelva a registrar sus síntomas si algo cambia."
                : "Keep monitoring at home and check in again if anything changes.";
        });
        if (advice.contains(Advice.ORAL_RECHECK)) {
            text.append(es ? " Tómese la temperatura en la boca en los próximos 15 minutos y regístrela."
                    : " Take your temperature by mouth within 15 minutes and check in again.");
        } else if (recheckMinutes != null) {
            text.append(es ? " Vuelva a tomarse la temperatura en " + duration(recheckMinutes, true) + "."
                    : " Check your temperature again in " + duration(recheckMinutes, false) + ".");
        }
        if (advice.contains(Advice.TAKE_TEMPERATURE_NOW)) {
            text.append(es ? " Tómese la temperatura ahora y vuelva a registrarse con el resultado."
                    : " Take your temperature now and check in again.");
        }
        if (advice.contains(Advice.CONFIRM_WEARABLE)) {
            text.append(es ? " Confirme ahora con un termómetro." : " Confirm now with a thermometer.");
        }
        if (advice.contains(Advice.NO_FEVER_MEDICINE)) {
            text.append(es ? " No tome medicina para la fiebre para \"ver si se pasa\"."
                    : " Do not take fever medicine to \"see if it goes away\".");
        }
        if (advice.contains(Advice.NEAREST_ED_BRANCH)) {
            text.append(es ? " Como vive lejos, el centro puede enviarle a la sala de emergencias más cercana con sus datos."
                    : " As you live far away, the center may send you to the nearest emergency room with your details.");
        }
        if (advice.contains(Advice.TEST_PROMPTLY)) {
            text.append(
                    es ? " Hágase pronto la prueba de virus respiratorios." : " Get tested for respiratory viruses promptly.");
        }
        if (advice.contains(Advice.FLUIDS)) {
            text.append(es ? " Beba líquidos con frecuencia." : " Drink fluids often.");
        }
        return text.toString();
    }

    private static String duration(int minutes, boolean es) {
        if (minutes < 60) {
            return minutes + (es ? " minutos" : " minutes");
        }
        int hours = minutes / 60;
        if (es) {
            return hours == 1 ? "1 hora" : hours + " horas";
        }
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
