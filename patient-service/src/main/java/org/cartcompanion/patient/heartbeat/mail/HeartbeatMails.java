package org.cartcompanion.patient.heartbeat.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Type-safe reminder mails, one template per language. */
@CheckedTemplate(basePath = "HeartbeatMails")
public class HeartbeatMails {

    public static native MailTemplateInstance reminder_en(String name, String patientName, String due, String centerPhone);

    public static native MailTemplateInstance reminder_es(String name, String patientName, String due, String centerPhone);
}
