package org.cartcompanion.patient.checkin.rest;

import java.util.Map;

import org.cartcompanion.patient.triage.CheckInForm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The check-in form as a FHIR R4 {@code Questionnaire}: one group per section in the form's order, each question with its help
 * as a display item, its range and unit as the standard extensions, and red flags marked by an extension of ours.
 */
final class FhirQuestionnaire {

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String URL = "https://cartcompanion.org/fhir/Questionnaire/check-in";
    static final String RED_FLAG = "https://cartcompanion.org/fhir/StructureDefinition/red-flag";
    static final String PHASE = "https://cartcompanion.org/fhir/StructureDefinition/phase";
    static final String METHODS = "https://cartcompanion.org/fhir/CodeSystem/temperature-method";
    private static final String UCUM = "http://unitsofmeasure.org";
    /** Our units in UCUM. */
    private static final Map<String, String> UCUM_CODES = Map.of("C", "Cel", "%", "%", "/min", "/min", "mmHg",
            "mm[Hg]", "stools", "{stools}", "points", "{score}");

    private FhirQuestionnaire() {
    }

    static String of(CheckInForm.Form form, ObjectMapper json) {
        ObjectNode q = json.createObjectNode();
        q.put("resourceType", "Questionnaire");
        q.put("language", form.language().code());
        q.putArray("extension").addObject().put("url", PHASE).put("valueCode", form.phase().name());
        q.put("url", URL);
        q.put("version", form.version());
        q.put("name", "CarTCheckIn");
        q.put("title", form.language().code().equals("es") ? "Registro de síntomas después de CAR-T"
                : "Check-in after CAR-T");
        q.put("status", "active");
        q.putArray("subjectType").add("Patient");
        q.put("date", form.date().toString());
        ArrayNode sections = q.putArray("item");
        for (CheckInForm.Group g : form.groups()) {
            ObjectNode section = json.createObjectNode();
            section.put("linkId", "group-" + g.code());
            section.put("text", g.title());
            section.put("type", "group");
            ArrayNode items = section.putArray("item");
            form.items().stream().filter(i -> i.group().equals(g.code())).forEach(i -> items.add(item(i, json)));
            if (!items.isEmpty()) {
                sections.add(section);
            }
        }
        return q.toString();
    }

    private static ObjectNode item(CheckInForm.Item i, ObjectMapper json) {
        ObjectNode item = json.createObjectNode();
        ArrayNode extensions = item.putArray("extension");
        boolean decimal = "C".equals(i.unit());
        if (i.min() != null) {
            ObjectNode min = extensions.addObject().put("url", "http://hl7.org/fhir/StructureDefinition/minValue");
            if (decimal) {
                min.put("valueDecimal", i.min());
            } else {
                min.put("valueInteger", i.min());
            }
        }
        if (i.max() != null) {
            ObjectNode max = extensions.addObject().put("url", "http://hl7.org/fhir/StructureDefinition/maxValue");
            if (decimal) {
                max.put("valueDecimal", i.max());
            } else {
                max.put("valueInteger", i.max());
            }
        }
        if (i.unit() != null) {
            // In °C only: FHIR R4 offers a choice of units for quantity answers alone, which carry no range.
            coding(extensions.addObject().put("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-unit")
                    .putObject("valueCoding"), i.unit());
        }
        if (i.redFlag()) {
            extensions.addObject().put("url", RED_FLAG).put("valueBoolean", true);
        }
        if (extensions.isEmpty()) {
            item.remove("extension");
        }
        item.put("linkId", i.code());
        item.put("text", i.label());
        item.put("type", switch (i.type()) {
        case "number" -> decimal ? "decimal" : "integer";
        default -> i.type();
        });
        if (!i.options().isEmpty()) {
            ArrayNode options = item.putArray("answerOption");
            i.options().forEach(o -> options.addObject().putObject("valueCoding").put("system", METHODS).put("code", o.code())
                    .put("display", o.label()));
        }
        ObjectNode help = item.putArray("item").addObject();
        help.putArray("extension").addObject()
                .put("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl")
                .putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", "http://hl7.org/fhir/questionnaire-item-control").put("code", "help");
        help.put("linkId", i.code() + ".help");
        help.put("text", i.help());
        help.put("type", "display");
        return item;
    }

    private static void coding(ObjectNode coding, String unit) {
        coding.put("system", UCUM).put("code", UCUM_CODES.getOrDefault(unit, unit)).put("display", unit);
    }
}
