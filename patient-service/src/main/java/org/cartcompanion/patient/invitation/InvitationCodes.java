package org.cartcompanion.patient.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Invitation codes: 12 characters of Crockford's base 32 (60 random bits, read aloud or typed from a letter without confusing
 * 0/O or 1/I/L), shown in groups of four. Only a code's SHA-256 is stored; a code is read back however it was typed (case,
 * spaces, dashes, and the letters Crockford maps to digits).
 */
public final class InvitationCodes {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final char[] ALPHABET = CROCKFORD.toCharArray();
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {
    }

    /** A new code, as shown: {@code XXXX-XXXX-XXXX}. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code's canonical form, or null when it cannot be a code (wrong length or characters). */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
            };
            if (CROCKFORD.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }

    /** What is stored for a code: the SHA-256 of its canonical form, in hex. */
    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
