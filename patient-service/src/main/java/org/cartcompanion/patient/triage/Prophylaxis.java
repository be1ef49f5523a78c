package org.cartcompanion.patient.triage;

/** Which prophylaxis the patient is on; each null when the center has not recorded it. */
public record Prophylaxis(Boolean antibacterial, Boolean antiviralHsvVzv, Boolean pjp, Boolean antifungal) {

    public static final Prophylaxis UNKNOWN = new Prophylaxis(null, null, null, null);
}
