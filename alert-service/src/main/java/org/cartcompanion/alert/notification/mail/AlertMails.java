package org.cartcompanion.alert.notification.mail;

import org.cartcompanion.alert.notification.service.Page;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/** Type-safe alert emails. */
@CheckedTemplate(basePath = "AlertMails")
public class AlertMails {

    public static native MailTemplateInstance page(Page page);
}
