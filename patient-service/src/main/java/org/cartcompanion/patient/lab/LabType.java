package org.cartcompanion.patient.lab;

/** The lab values the clinical status carries and whose history is kept; the stored code is the name. */
public enum LabType {
    ANC("/µL"), PLATELETS("/µL"), IGG("mg/dL"), CD4("/µL");

    private final String unit;

    LabType(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
