package org.cartcompanion.patient.seconddose.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** The coordinators' reminder to record an obe-cel second dose. It names no patient: the record id leads to them. */
@CheckedTemplate(basePath = "SecondDoseMails")
public class SecondDoseMails {

    public static native MailTemplateInstance reminder(String centerName, String patientId, long day, String firstDose,
            long assumedUntilDay);
}
