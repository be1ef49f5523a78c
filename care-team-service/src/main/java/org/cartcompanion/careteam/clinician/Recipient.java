package org.cartcompanion.careteam.clinician;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person to notify or to call: what the API, routing and the console show of a clinician. Where a page may go to them
 * (routing, the paging directory) it carries how they are woken, {@code contactMethods}; elsewhere that is left out.
 */
public record Recipient(UUID clinicianId, String name, String email, String phone,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Contact> contactMethods) {

    /** One way to wake them: the channel, its address, and the seconds after the page it fires. */
    public record Contact(ContactMethodType type, String address, int delaySeconds) {
    }

    public static Recipient of(Clinician c) {
        return new Recipient(c.id, c.name, c.email, c.phone, null);
    }

    /** With how they are woken: the methods they saved, or without any, email to their address at once. */
    public static Recipient of(Clinician c, List<ContactMethod> methods) {
        return new Recipient(c.id, c.name, c.email, c.phone, contacts(c, methods));
    }

    public static List<Contact> contacts(Clinician c, List<ContactMethod> methods) {
        if (methods == null || methods.isEmpty()) {
            return List.of(new Contact(ContactMethodType.EMAIL, c.email, 0));
        }
        return methods.stream().map(m -> new Contact(m.type, m.address, m.delaySeconds)).toList();
    }
}
