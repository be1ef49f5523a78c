package org.cartcompanion.alert.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinician the center knows, for policies that name one directly. */
@Entity
@Table(name = "directory_clinician")
public class KnownClinician {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false)
    public UUID centerId;

    @Column(name = "clinician_id", nullable = false)
    public UUID clinicianId;

    public String name;

    public String email;

    public String phone;

    /** Their contact methods in the stored form of {@link org.cartcompanion.alert.access.client.ContactMethod#stored}. */
    @Column(name = "contact_methods")
    public String contactMethods;
}
