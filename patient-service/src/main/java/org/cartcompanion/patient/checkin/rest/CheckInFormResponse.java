package org.cartcompanion.patient.checkin.rest;

import java.time.LocalDate;
import java.util.List;

import org.cartcompanion.patient.patient.Language;
import org.cartcompanion.patient.timeline.Phase;
import org.cartcompanion.patient.triage.CheckInForm;
import org.cartcompanion.patient.triage.Disposition;
import org.cartcompanion.patient.triage.OfflineRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /api/v1/patients/{id}/check-in-form} (API.md v1.1), with what the phone needs to answer offline. */
public record CheckInFormResponse(
        @Schema(required = true, description = "The rule table's version; the phone keeps the form under it") String version,
        @Schema(required = true) Phase phase,
        @Schema(required = true) long dayPostInfusion,
        @Schema(required = true, description = "The patient's local date the form is for") LocalDate date,
        @Schema(required = true) Language language,
        @Schema(required = true, description = "Section titles, in order") List<FormSection> groups,
        @Schema(required = true, description = "The questions: the temperature and red flags first") List<FormItem> items,
        @Schema(required = true, description = "What the answers mean when the phone cannot send them") OfflineRuleTable offline) {

    public record FormSection(@Schema(required = true) String code, @Schema(required = true) String title) {
    }

    public record FormChoice(@Schema(required = true) String code, @Schema(required = true) String label) {
    }

    public record FormUnit(@Schema(required = true) String unit, @Schema(required = true) double min,
            @Schema(required = true) double max) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FormItem(
            @Schema(required = true, description = "The check-in field, or the symptom code") String code,
            @Schema(required = true) String label,
            @Schema(required = true) String help,
            @Schema(required = true, enumeration = {
                    "boolean", "number", "choice" }) String type,
            @Schema(nullable = true) String unit,
            @Schema(nullable = true) Integer min,
            @Schema(nullable = true) Integer max,
            @Schema(required = true, enumeration = { "temperature", "vitals", "symptoms", "neuro" }) String group,
            @Schema(required = true) boolean redFlag,
            @Schema(required = true) List<FormChoice> options,
            @Schema(required = true, description = "Other units the value may be entered in") List<FormUnit> otherUnits){
    }

    /** Rules: when every condition holds, the answers mean at least {@code results[result]}; the highest wins. */
    public record OfflineRuleTable(@Schema(required = true) List<OfflineRule> rules,
            @Schema(required = true) List<OfflineResult> results) {
    }

    public record OfflineRule(@Schema(required = true) List<OfflineCondition> when, @Schema(required = true) int result) {
    }

    /** A symptom or yes/no answer {@code equals} (or is anything but {@code notEquals}), or a value in [min, below). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfflineCondition(@Schema(required = true) String item, Boolean equals, Boolean notEquals, Double min,
            Double below) {
    }

    public record OfflineResult(@Schema(required = true) Disposition disposition, @Schema(required = true) String instructions,
            @Schema(required = true) String callNumber) {
    }

    static CheckInFormResponse of(CheckInForm.Form f) {
        OfflineRules.Derived o = f.offline();
        return new CheckInFormResponse(f.version(), f.phase(), f.dayPostInfusion(), f.date(), f.language(),
                f.groups().stream().map(g -> new FormSection(g.code(), g.title())).toList(),
                f.items().stream().map(i -> new FormItem(i.code(), i.label(), i.help(), i.type(), i.unit(), i.min(), i.max(),
                        i.group(), i.redFlag(), i.options().stream().map(c -> new FormChoice(c.code(), c.label())).toList(),
                        i.otherUnits().stream().map(u -> new FormUnit(u.unit(), u.min(), u.max())).toList())).toList(),
                new OfflineRuleTable(
                        o.rules().stream().map(r -> new OfflineRule(r.when().stream()
                                .map(c -> new OfflineCondition(c.item(), c.equals(), c.notEquals(), c.min(), c.below()))
                                .toList(),
                                r.result())).toList(),
                        o.results().stream().map(r -> new OfflineResult(r.disposition(), r.instructions(), r.callNumber()))
                                .toList()));
    }
}
