package org.cartcompanion.alert.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.alert.config.AlertConfig;
import org.cartcompanion.alert.notification.AckLink;

/** The addresses put in emails and pages: the signed acknowledge link and the console. */
@ApplicationScoped
public class AlertLinks {

    private final String publicUrl;
    private final String consoleUrl;
    private final AckLinkSigner signer;

    public AlertLinks(AlertConfig config, AckLinkSigner signer) {
        this.publicUrl = config.links().publicUrl().replaceAll("/+$", "");
        this.consoleUrl = config.links().consoleUrl().replaceAll("/+$", "");
        this.signer = signer;
    }

    public String acknowledge(AckLink link) {
        return publicUrl + "/api/v1/alerts/ack-links/" + signer.sign(link.id, link.expiresAt);
    }

    public String console() {
        return consoleUrl;
    }

    public String console(UUID alertId) {
        return consoleUrl + "/alerts/" + alertId;
    }
}
