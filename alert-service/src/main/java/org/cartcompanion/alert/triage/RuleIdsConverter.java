package org.cartcompanion.alert.triage;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores fired rule ids (letters, digits, underscores) as one comma-separated column. */
@Converter
public class RuleIdsConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> ids) {
        return ids == null ? "" : String.join(",", ids);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
