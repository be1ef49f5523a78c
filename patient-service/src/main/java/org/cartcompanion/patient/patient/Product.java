package org.cartcompanion.patient.patient;

/** The CAR-T product infused; stored by name. */
public enum Product {
    AXI_CEL, TISA_CEL, LISO_CEL, BREXU_CEL, OBE_CEL, IDE_CEL, CILTA_CEL, OTHER
}
