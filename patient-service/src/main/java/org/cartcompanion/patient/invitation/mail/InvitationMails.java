package org.cartcompanion.patient.invitation.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/**
 * The invitation mail, one template per language. It names the person invited and the center, not the patient's condition; the
 * code and link are the invitation itself.
 */
@CheckedTemplate(basePath = "InvitationMails")
public class InvitationMails {

    public static native MailTemplateInstance invitation_en(String name, boolean asPatient, String patientName,
            String centerName, String code, String link, String expires, String centerPhone);

    public static native MailTemplateInstance invitation_es(String name, boolean asPatient, String patientName,
            String centerName, String code, String link, String expires, String centerPhone);
}
