package org.cartcompanion.alert.policy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link PolicySnapshot} as its JSON text, and reads it back once per load. */
@Converter
public class PolicySnapshotColumn implements AttributeConverter<PolicySnapshot, String> {

    @Override
    public String convertToDatabaseColumn(PolicySnapshot snapshot) {
        return snapshot == null ? null : snapshot.json();
    }

    @Override
    public PolicySnapshot convertToEntityAttribute(String json) {
        return json == null ? null : PolicySnapshot.parse(json);
    }
}
