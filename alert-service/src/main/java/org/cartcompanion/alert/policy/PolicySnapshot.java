package org.cartcompanion.alert.policy;

import org.cartcompanion.alert.escalation.engine.Policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An escalation policy as stored (a center's, and the copy each alert keeps of the one it opened under): its JSON text, read
 * once when the row is loaded. Text that cannot be read stays as it was, so the row still loads: an alert's step then fails
 * visibly, is retried and pages the fallback, and nothing rewrites the damaged text.
 */
public record PolicySnapshot(String json, PolicyDocument readable, String damage) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static PolicySnapshot of(PolicyDocument document) {
        try {
            return new PolicySnapshot(JSON.writeValueAsString(document), document, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A policy cannot be written", e);
        }
    }

    public static PolicySnapshot parse(String json) {
        try {
            return new PolicySnapshot(json, JSON.readValue(json, PolicyDocument.class), null);
        } catch (JsonProcessingException e) {
            return new PolicySnapshot(json, null, e.getOriginalMessage());
        }
    }

    /** The policy document; {@link IllegalStateException} when the stored text cannot be read. */
    public PolicyDocument document() {
        if (readable == null) {
            throw new IllegalStateException("A stored policy cannot be read: " + damage);
        }
        return readable;
    }

    /** The engine's policy; {@link IllegalStateException} when the stored text cannot be read. */
    public Policy policy() {
        return document().toPolicy();
    }
}
