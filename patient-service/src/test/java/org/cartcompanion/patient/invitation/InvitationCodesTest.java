package org.cartcompanion.patient.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InvitationCodesTest {

    @Test
    void aCodeIsTwelveCrockfordCharactersInGroupsOfFourAndCodesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = InvitationCodes.generate();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
            assertTrue(seen.add(code), code);
        }
    }

    @Test
    void aCodeIsReadBackHoweverItWasTyped() {
        assertEquals("0123456789AB", InvitationCodes.normalize("0123-4567-89ab"));
        assertEquals("0123456789AB", InvitationCodes.normalize(" o12 3-4567 89AB "));
        assertEquals("011000000000", InvitationCodes.normalize("OIL0-0000-0000"));
        assertNull(InvitationCodes.normalize("0123-4567-89A"), "too short");
        assertNull(InvitationCodes.normalize("0123-4567-89ABC"), "too long");
        assertNull(InvitationCodes.normalize("0123-4567-89AU"), "U is not in the alphabet");
        assertNull(InvitationCodes.normalize(null));
    }

    @Test
    void onlyAHashIsStoredAndItDependsOnTheCanonicalCodeOnly() {
        String hash = InvitationCodes.hash("0123456789AB");
        assertEquals(64, hash.length());
        assertEquals(hash, InvitationCodes.hash(InvitationCodes.normalize("0123-4567-89ab")));
        assertNotEquals(hash, InvitationCodes.hash("0123456789AC"));
    }
}
