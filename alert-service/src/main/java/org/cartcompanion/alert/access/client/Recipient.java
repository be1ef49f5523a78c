package org.cartcompanion.alert.access.client;

import java.util.List;
import java.util.UUID;

/**
 * A person to notify, as care-team-service names them, with the ways they chose to be woken ({@code contactMethods}; none
 * chosen or an older care-team-service: their email at once).
 */
public record Recipient(UUID clinicianId, String name, String email, String phone, List<ContactMethod> contactMethods) {

    public Recipient(UUID clinicianId, String name, String email, String phone) {
        this(clinicianId, name, email, phone, null);
    }

    /** How to reach them: the methods they chose that are usable, else their email at once; empty when neither is known. */
    public List<ContactMethod> methods() {
        List<ContactMethod> usable = contactMethods == null ? List.of()
                : contactMethods.stream().filter(m -> m != null && m.usable()).toList();
        if (!usable.isEmpty()) {
            return usable;
        }
        return email == null || email.isBlank() ? List.of() : List.of(ContactMethod.email(email));
    }
}
