package org.cartcompanion.support.security;

/** The roles of API.md, as carried in the JWT {@code groups} claim. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String CAREGIVER = "caregiver";
    public static final String CLINICIAN = "clinician";
    public static final String COORDINATOR = "coordinator";
    public static final String COMMUNITY_PHYSICIAN = "community-physician";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
