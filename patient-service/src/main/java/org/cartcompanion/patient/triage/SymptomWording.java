package org.cartcompanion.patient.triage;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.cartcompanion.patient.patient.Language;

/**
 * The plain-language label and help line the phone shows for each {@link Symptom} code, in English and Spanish
 * (clinical-rules.md §10.3: about a grade-6 reading level, second person, no medical terms). The wording is a default for the
 * center's clinical lead to review, like the rules themselves. Labels are part of the rule table, not of the client, so
 * changing a word never needs a new app release. Every code must have a text in every language: a code without one fails at
 * class initialisation.
 */
public final class SymptomWording {

    /** A label (the question or answer the phone shows, short) and a help line (what counts, when in doubt). */
    public record Text(String label, String help) {
    }

    private static final Map<Symptom, Text> EN = new EnumMap<>(Symptom.class);
    private static final Map<Symptom, Text> ES = new EnumMap<>(Symptom.class);

    static {
        put(Symptom.RIGORS,
                "Shaking chills",
                "You shake or your teeth chatter because you feel very cold, even under a blanket. This counts even if your"
                        + " temperature is normal.",
                "Escalofríos con temblores",
                "Tiembla o le castañetean los dientes porque siente mucho frío, aunque se tape con una cobija. Cuenta aunque su"
                        + " temperatura sea normal.");
        put(Symptom.FEELS_UNWELL,
                "Feeling sick or unwell in general",
                "You feel ill all over, weaker or achier than usual, even without a fever. If you have other symptoms, check"
                        + " them too.",
                "Se siente mal en general",
                "Se siente mal en todo el cuerpo, más débil o con más dolores de lo normal, aunque no tenga fiebre. Si tiene"
                        + " otros síntomas, márquelos también.");
        put(Symptom.BREATHLESS_AT_REST,
                "Short of breath when resting or talking",
                "You are out of breath while sitting still or while talking, but you can still finish a sentence.",
                "Le falta el aire en reposo o al hablar",
                "Le falta el aire sin moverse o al hablar, pero todavía puede terminar una frase.");
        put(Symptom.BREATHLESS_ON_EXERTION,
                "Short of breath only when active",
                "You get out of breath more than usual when you walk, climb stairs or get dressed, but not while resting.",
                "Le falta el aire solo al hacer esfuerzo",
                "Le falta el aire más de lo normal al caminar, subir escaleras o vestirse, pero no cuando descansa.");
        put(Symptom.COUGH,
                "New cough, or a cough that is worse",
                "A cough you did not have before, or a cough that is worse than usual. It counts with or without mucus.",
                "Tos nueva, o tos que empeoró",
                "Una tos que no tenía antes, o una tos peor que de costumbre. Cuenta con flema o sin flema.");
        put(Symptom.RUNNY_NOSE_SORE_THROAT,
                "Runny or stuffy nose, or sore throat",
                "Signs like a cold: a runny or blocked nose, sneezing, or a sore or scratchy throat.",
                "Mocos o nariz tapada, o dolor de garganta",
                "Señales como de resfriado: mocos o nariz tapada, estornudos, o la garganta adolorida o irritada.");
        put(Symptom.DIZZY_ON_STANDING,
                "Dizzy or lightheaded when you stand up",
                "The room spins, or you feel you might faint, when you sit up or stand. If you passed out, also check the box"
                        + " for fainting.",
                "Mareo al ponerse de pie",
                "Todo le da vueltas, o siente que se va a desmayar, al sentarse o ponerse de pie. Si perdió el conocimiento,"
                        + " marque también la casilla de desmayo.");
        put(Symptom.FAINTED,
                "Fainted or passed out, even for a moment",
                "You passed out or collapsed, even for a few seconds. This counts even if you feel fine now.",
                "Se desmayó, aunque fuera por un momento",
                "Perdió el conocimiento o se desplomó, aunque fuera solo unos segundos. Cuenta aunque ahora se sienta bien.");
        put(Symptom.CHEST_PAIN,
                "Chest pain, pressure or tightness",
                "Any new pain, squeezing or heavy pressure in your chest, even if it comes and goes.",
                "Dolor, presión u opresión en el pecho",
                "Cualquier dolor nuevo, sensación de apretón o presión fuerte en el pecho, aunque vaya y venga.");
        put(Symptom.CONFUSION,
                "Confused or mixed up",
                "Mixed up about the day, the place or people you know, or trouble following simple things. Often a"
                        + " caregiver notices it first.",
                "Confusión o desorientación",
                "Se confunde con el día, el lugar o personas conocidas, o le cuesta seguir cosas sencillas. A menudo quien le"
                        + " cuida lo nota primero.");
        put(Symptom.WORD_FINDING_DIFFICULTY,
                "Trouble finding or saying words",
                "Cannot find the right word, uses the wrong name for everyday things (like calling a pen a spoon), or stops"
                        + " in the middle of a sentence.",
                "Le cuesta encontrar o decir palabras",
                "No encuentra la palabra correcta, llama mal a cosas de todos los días (como decirle cuchara a un lápiz) o se"
                        + " detiene a media frase.");
        put(Symptom.HANDWRITING_CHANGE,
                "Handwriting has changed",
                "Your writing looks messier, smaller or shakier than before, or you cannot write a simple sentence like you"
                        + " used to.",
                "Su letra al escribir ha cambiado",
                "Su letra se ve más desordenada, más pequeña o más temblorosa que antes, o no puede escribir una frase"
                        + " sencilla como antes.");
        put(Symptom.UNUSUAL_SLEEPINESS,
                "Much sleepier than usual",
                "Sleeps much more than usual or dozes off while talking or eating, but can still be woken up.",
                "Tiene mucho más sueño de lo normal",
                "Duerme mucho más de lo normal o se duerme mientras habla o come, pero todavía se le puede despertar.");
        put(Symptom.TREMOR,
                "New shaking or trembling of the hands or body",
                "Your hands, arms or head shake and you cannot stop it, and this is new. Shaking because you feel cold counts"
                        + " as chills.",
                "Temblor nuevo de las manos o del cuerpo",
                "Le tiemblan las manos, los brazos o la cabeza sin poder pararlo, y es algo nuevo. Temblar por sentir frío"
                        + " cuenta como escalofríos.");
        put(Symptom.SEIZURE,
                "Seizure, or a spell of staring and not responding",
                "Jerking or stiffening of the body that cannot be controlled, or a spell of staring with no answer when spoken"
                        + " to. It counts even if short.",
                "Convulsión, o mirada fija sin responder",
                "Sacudidas o rigidez del cuerpo que no se pueden controlar, o un rato con la mirada fija sin contestar"
                        + " cuando le hablan. Cuenta aunque sea corto.");
        put(Symptom.UNRESPONSIVE,
                "Cannot be woken up, or does not respond",
                "Does not wake up, wakes only when shaken hard, or does not answer or react when you talk to or touch them.",
                "No se puede despertar, o no responde",
                "No se despierta, solo despierta si le sacuden con fuerza, o no contesta ni reacciona cuando le hablan o le"
                        + " tocan.");
        put(Symptom.ONE_SIDED_WEAKNESS,
                "Sudden weakness on one side of the body",
                "An arm, a leg or both on one side suddenly feel weak, heavy or numb, or you cannot lift or move them.",
                "Debilidad repentina en un lado del cuerpo",
                "De repente un brazo, una pierna o ambos del mismo lado se sienten débiles, pesados o dormidos, o no los puede"
                        + " levantar ni mover.");
        put(Symptom.FACIAL_DROOP,
                "One side of the face droops",
                "One side of the face looks lower or does not move, the smile is uneven, or one eye does not close all the"
                        + " way.",
                "Un lado de la cara se ve caído",
                "Un lado de la cara se ve más bajo o no se mueve, la sonrisa está torcida, o un ojo no se cierra del todo.");
        put(Symptom.SLOW_MOVEMENT,
                "Moving slower, shuffling or stiff",
                "Walking with small shuffling steps, slow to start moving, a stiff body, or a face that shows less"
                        + " expression than usual.",
                "Movimientos lentos, pasos arrastrados o rigidez",
                "Camina con pasos cortos arrastrando los pies, le cuesta empezar a moverse, tiene el cuerpo tieso, o la cara"
                        + " muestra menos expresión.");
        put(Symptom.NUMBNESS_TINGLING,
                "New numbness or tingling",
                "Pins and needles, or loss of feeling, in the hands, feet or face that is new or spreading.",
                "Adormecimiento u hormigueo nuevo",
                "Hormigueo, piquetes como de alfileres o pérdida de sensibilidad en las manos, los pies o la cara, que es"
                        + " nuevo o se extiende.");
        put(Symptom.ASCENDING_WEAKNESS,
                "Weakness that starts in the feet or legs and moves up",
                "Legs feel weak or heavy, starting in the feet and moving higher over hours or days. Trouble walking or"
                        + " climbing stairs counts.",
                "Debilidad que empieza en los pies o piernas y sube",
                "Las piernas se sienten débiles o pesadas, empezando por los pies y subiendo en horas o días. Cuenta si le"
                        + " cuesta caminar o subir escaleras.");
        put(Symptom.SEVERE_HEADACHE,
                "Worst headache of your life, or sudden very bad headache",
                "The worst headache you have ever had, or a very bad headache that came on suddenly, within seconds or"
                        + " minutes.",
                "Peor dolor de cabeza de su vida, o uno fuerte y repentino",
                "El peor dolor de cabeza que ha tenido, o un dolor de cabeza muy fuerte que empezó de golpe, en segundos o"
                        + " minutos.");
        put(Symptom.STIFF_NECK,
                "Stiff or painful neck",
                "It hurts, or it is very hard, to bend your head forward to touch your chin to your chest.",
                "Cuello rígido o adolorido",
                "Le duele, o le cuesta mucho, bajar la cabeza para tocarse el pecho con la barbilla.");
        put(Symptom.VOMITING_CANNOT_KEEP_FLUIDS,
                "Throwing up and cannot keep liquids or pills down",
                "You throw up, or feel too sick to your stomach to keep down water, drinks or your pills. Nausea without"
                        + " throwing up does not count here.",
                "Vómitos y no puede retener líquidos ni pastillas",
                "Vomita, o tiene tantas náuseas que no puede retener agua, bebidas ni sus pastillas. Tener náuseas sin vomitar"
                        + " no cuenta aquí.");
        put(Symptom.NOT_EATING_DRINKING_24H,
                "Hardly eaten or drunk anything for 24 hours",
                "In the last 24 hours you have eaten or drunk almost nothing, for any reason, such as no appetite, nausea or a"
                        + " sore mouth.",
                "Casi no ha comido ni bebido en 24 horas",
                "En las últimas 24 horas casi no ha comido ni bebido nada, por cualquier razón, como falta de hambre, náuseas o"
                        + " dolor de boca.");
        put(Symptom.BURNING_URINATION,
                "Burning or pain when you urinate (pee)",
                "It stings or hurts when urine comes out, or you need to go much more often or more urgently than usual.",
                "Ardor o dolor al orinar",
                "Le arde o le duele al salir la orina, o necesita ir al baño mucho más seguido o con más urgencia que de"
                        + " costumbre.");
        put(Symptom.BLISTER_RASH,
                "Rash with blisters, often in a band on one side",
                "Small bumps filled with fluid, often painful and in a strip on one side of the body. If on the face or near an"
                        + " eye, check that box too.",
                "Sarpullido con ampollas, a menudo en una franja de un lado",
                "Granitos con líquido, a menudo dolorosos y en una franja de un solo lado del cuerpo. Si están en la cara o"
                        + " cerca de un ojo, marque también esa casilla.");
        put(Symptom.NEW_RASH,
                "New rash without blisters",
                "New red spots, patches or bumps on the skin, with no blisters filled with fluid. For tiny red dots like"
                        + " pinpricks, check the bleeding box.",
                "Sarpullido nuevo sin ampollas",
                "Manchas, ronchas o granitos rojos nuevos en la piel, sin ampollas con líquido. Si son puntitos rojos"
                        + " diminutos, marque la casilla de sangrado.");
        put(Symptom.BLEEDING,
                "Bleeding, new tiny red spots, or blood in urine or stool",
                "A nosebleed or cut that bleeds over 10 minutes but stops with pressure, new tiny red spots on the skin, or"
                        + " blood in urine or stool.",
                "Sangrado, puntitos rojos o sangre en la orina o las heces",
                "Sangrado de nariz o de una herida que dura más de 10 minutos pero para al apretar, puntitos rojos nuevos en"
                        + " la piel, o sangre en la orina o las heces.");
        put(Symptom.LINE_SITE_REDNESS,
                "Redness, pain or pus where your line goes into the skin",
                "The skin where your central line or IV tube goes in is red, swollen, warm or painful, or has pus or fluid"
                        + " coming out.",
                "Enrojecimiento, dolor o pus donde entra su catéter",
                "La piel donde entra su catéter central o tubo de suero está roja, hinchada, caliente o le duele, o le sale"
                        + " pus o líquido.");
        put(Symptom.MOUTH_SORES,
                "Sores in your mouth or throat",
                "Painful sores, raw spots or white patches in your mouth or throat. If you cannot swallow, check that box too.",
                "Llagas en la boca o la garganta",
                "Llagas, partes en carne viva o manchas blancas que duelen en la boca o la garganta. Si no puede tragar, marque"
                        + " también esa casilla.");
        put(Symptom.CANNOT_SWALLOW,
                "Cannot swallow, or swallowing is very hard",
                "You cannot get food, drinks, pills or your own saliva down, or you choke or cough when you try.",
                "No puede tragar, o le cuesta mucho tragar",
                "No puede pasar comida, bebidas, pastillas ni su propia saliva, o se atraganta o tose al intentarlo.");
        put(Symptom.FATIGUE_SEVERE,
                "So tired you can hardly get out of bed",
                "Tiredness that keeps you in bed or a chair most of the day, or makes washing or dressing too hard. Being a bit"
                        + " more tired does not count.",
                "Tanto cansancio que casi no puede levantarse de la cama",
                "Un cansancio que le deja en cama o en una silla casi todo el día, o no le deja bañarse o vestirse. Tener un"
                        + " poco más de cansancio no cuenta.");
        put(Symptom.FACE_THROAT_SWELLING,
                "Swelling of the face, lips, tongue or throat",
                "Your face, lips, tongue or throat swell, or your throat feels tight or like it is closing. It counts even"
                        + " with no new medicine.",
                "Hinchazón de la cara, los labios, la lengua o la garganta",
                "Se le hinchan la cara, los labios, la lengua o la garganta, o siente la garganta apretada o que se cierra."
                        + " Cuenta aunque no haya tomado una medicina nueva.");
        put(Symptom.INFECTION_EXPOSURE,
                "Close contact with someone with flu, COVID or similar",
                "You live with, or spent time close to, someone who has flu, COVID, RSV, chickenpox, shingles or measles.",
                "Estuvo cerca de alguien con gripe, COVID u otra infección",
                "Vive con alguien, o pasó tiempo cerca de alguien, que tiene gripe, COVID, VRS, varicela, culebrilla (herpes"
                        + " zóster) o sarampión.");
        put(Symptom.MISSED_PROPHYLAXIS_DOSE,
                "Missed a dose of your infection-prevention medicine",
                "You missed at least one dose of a medicine you take to prevent infection, such as your antiviral or the one"
                        + " against a lung infection called PJP.",
                "No tomó una dosis de su medicina contra infecciones",
                "No tomó al menos una dosis de una medicina para prevenir infecciones, como su antiviral o la que previene una"
                        + " infección del pulmón llamada PJP.");
        put(Symptom.SOMETHING_SERIOUSLY_WRONG,
                "I feel something is seriously wrong",
                "For the person caring for the patient: check this if you feel something is badly wrong, even if you cannot say"
                        + " what it is.",
                "Siento que algo anda muy mal",
                "Para quien cuida al paciente: marque esto si siente que algo anda muy mal, aunque no pueda decir qué es.");
        put(Symptom.WANTS_TO_TALK_NOW,
                "I want to talk to someone at the center now",
                "Check this if you want to speak with a person from your CAR-T team now, for any reason.",
                "Quiero hablar ahora con alguien del centro",
                "Marque esto si quiere hablar ahora con una persona de su equipo de CAR-T, por cualquier motivo.");
        put(Symptom.SEVERE_BREATHING_DIFFICULTY,
                "Very hard to breathe: gasping, cannot finish a sentence",
                "So out of breath you cannot finish a sentence, you are gasping for air, or your lips look blue or gray.",
                "Casi no puede respirar: jadea o no termina una frase",
                "Le falta tanto el aire que no puede terminar una frase, jadea para respirar, o tiene los labios azulados o"
                        + " grises.");
        put(Symptom.COLD_CLAMMY_SKIN,
                "Skin cold, clammy, pale or blotchy",
                "The skin feels cold and damp or sweaty to the touch, or looks very pale, gray or patchy.",
                "Piel fría y sudorosa, pálida o con manchas",
                "La piel se siente fría y húmeda o sudorosa al tocarla, o se ve muy pálida, grisácea o con manchas.");
        put(Symptom.SUDDEN_SLURRED_SPEECH,
                "Speech suddenly slurred or hard to understand",
                "Words suddenly come out blurred or mumbled, as if drunk, and others find it hard to understand you.",
                "Habla de repente arrastrada o difícil de entender",
                "De repente las palabras le salen arrastradas o enredadas, como si hubiera tomado alcohol, y a otros les cuesta"
                        + " entenderle.");
        put(Symptom.HEAVY_BLEEDING,
                "Heavy bleeding that will not stop",
                "Bleeding that does not stop after 10 minutes of firm pressure, or that soaks through a bandage or cloth.",
                "Sangrado fuerte que no se detiene",
                "Sangrado que no para después de 10 minutos de apretar con firmeza, o que empapa una venda o un trapo.");
        put(Symptom.VOMITING_BLOOD,
                "Vomiting blood or what looks like coffee grounds",
                "What you throw up is red, has blood in it, or has dark brown bits that look like coffee grounds.",
                "Vomita sangre o algo parecido a café molido",
                "Lo que vomita es rojo, tiene sangre, o tiene pedacitos de color café oscuro que parecen café molido.");
        put(Symptom.BLACK_STOOLS,
                "Black, tarry stools (poop)",
                "Your stool (poop) is black and sticky or shiny, like tar.",
                "Heces (popó) negras, como alquitrán",
                "Su popó es negra y pegajosa o brillante, como el alquitrán.");
        put(Symptom.HEAD_INJURY,
                "Hit your head, or fell and struck it",
                "Any bump or blow to the head, even a light one, such as from a fall or hitting a door or cabinet. This counts"
                        + " even if you feel fine.",
                "Se golpeó la cabeza, o se cayó y se la golpeó",
                "Cualquier golpe en la cabeza, aunque sea leve, por ejemplo al caerse o al pegarse con una puerta o un mueble."
                        + " Cuenta aunque se sienta bien.");
        put(Symptom.WHEEZE_OR_HIVES_AFTER_DRUG,
                "Wheezing or hives after IVIG or a new medicine",
                "Whistling when you breathe, or itchy raised bumps on the skin, that started after IVIG (antibody drip) or any"
                        + " new medicine.",
                "Silbido al respirar o ronchas luego de IVIG o medicina nueva",
                "Un silbido al respirar, o ronchas que pican en la piel, que empezaron después de IVIG (suero de anticuerpos)"
                        + " o de una medicina nueva.");
        put(Symptom.PALPITATIONS,
                "Heart racing, pounding or beating unevenly",
                "Your heart beats very fast, pounds, flutters or skips beats in a way that is new for you.",
                "Latidos muy rápidos, fuertes o irregulares",
                "Su corazón late muy rápido, con fuerza, de forma irregular o se salta latidos, y eso es nuevo para usted.");
        put(Symptom.HEADACHE,
                "Headache (not the worst of your life)",
                "A headache that is not the worst you have ever had and did not start suddenly and very badly. If it did, check"
                        + " the severe headache box.",
                "Dolor de cabeza (no el peor de su vida)",
                "Un dolor de cabeza que no es el peor que ha tenido y que no empezó de golpe y muy fuerte. Si fue así, marque"
                        + " la casilla del peor dolor de cabeza.");
        put(Symptom.NOT_ACTING_LIKE_THEMSELVES,
                "Not acting like their usual self",
                "For the caregiver: the person is agitated or restless, is not paying attention, or their personality has"
                        + " changed. They seem \"not themselves\".",
                "No se comporta como siempre",
                "Para quien cuida: la persona está agitada o inquieta, no pone atención, o su forma de ser cambió. No parece"
                        + " la persona de siempre.");
        put(Symptom.FLANK_PAIN,
                "Pain in your side or back, below the ribs",
                "Pain on one or both sides of your back, just below the ribs, where the kidneys are.",
                "Dolor en el costado o la espalda, debajo de las costillas",
                "Dolor en uno o ambos lados de la espalda, justo debajo de las costillas, donde están los riñones.");
        put(Symptom.RASH_EYE_OR_FACE,
                "Blisters or rash on your face or near an eye",
                "Any new rash or blisters on the face, forehead, nose or eyelids, or in or near an eye.",
                "Ampollas o sarpullido en la cara o cerca de un ojo",
                "Cualquier sarpullido o ampollas nuevas en la cara, la frente, la nariz o los párpados, o en un ojo o cerca"
                        + " de él.");
        put(Symptom.BLOODY_DIARRHEA,
                "Blood in diarrhea",
                "Loose or watery stool (poop) with red blood or streaks of blood in it. For black stool like tar, check that"
                        + " box instead.",
                "Sangre en la diarrea",
                "Heces (popó) aguadas o sueltas con sangre roja o hilos de sangre. Si son negras como alquitrán, marque esa"
                        + " otra casilla.");
        put(Symptom.WORSE_OVER_HOURS,
                "These symptoms are getting worse over the last few hours",
                "Check this together with your other symptoms if they have been getting worse over the last few hours.",
                "Estos síntomas están empeorando desde hace unas horas",
                "Marque esto junto con sus otros síntomas si han ido empeorando en las últimas horas.");
        for (Symptom symptom : Symptom.values()) {
            if (!EN.containsKey(symptom) || !ES.containsKey(symptom)) {
                throw new IllegalStateException("no wording for symptom " + symptom);
            }
        }
    }

    private SymptomWording() {
    }

    /** The text for a code in a language. */
    public static Text of(Symptom symptom, Language language) {
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(language, "language");
        return switch (language) {
        case EN -> EN.get(symptom);
        case ES -> ES.get(symptom);
        };
    }

    private static void put(Symptom symptom, String labelEn, String helpEn, String labelEs, String helpEs) {
        if (EN.containsKey(symptom)) {
            throw new IllegalStateException("wording given twice for symptom " + symptom);
        }
        EN.put(symptom, text(symptom, labelEn, helpEn));
        ES.put(symptom, text(symptom, labelEs, helpEs));
    }

    private static Text text(Symptom symptom, String label, String help) {
        if (label == null || label.isBlank() || help == null || help.isBlank()) {
            throw new IllegalStateException("blank wording for symptom " + symptom);
        }
        return new Text(label, help);
    }
}
