package org.cartcompanion.support.security;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reading a token's string claims one way: a JSON string's value (never its quotes), the first of several names given. */
final class Claims {

    private Claims() {
    }

    /** The first of these claims that holds a non-blank value, as text; null when none does. */
    static String first(JsonWebToken token, String... names) {
        for (String name : names) {
            Object value = token.getClaim(name);
            String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
