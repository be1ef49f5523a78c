package org.cartcompanion.e2e.system;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;

/** What the SMTP server received, per address: subject, plain text, and when it arrived. */
public final class Mailbox {

    /** One received mail; {@code receivedAt} is when the SMTP server took it in (end of its DATA). */
    public record Mail(String to, String subject, String text, Instant receivedAt) {

        private static final Pattern ACK_LINK = Pattern.compile("(https?://\\S+/api/v1/alerts/ack-links/[A-Za-z0-9_\\-.]+)");

        public String ackLink() {
            Matcher m = ACK_LINK.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no acknowledge link in: " + text);
            }
            return m.group(1);
        }
    }

    private final CarTSystem system;
    private final List<Mail> seen = new ArrayList<>();
    /** Message ids already taken in: GreenMail lists messages per user store, so a position is not an arrival order. */
    private final Set<String> taken = new HashSet<>();

    public Mailbox(CarTSystem system) {
        this.system = system;
    }

    /** Every mail so far to this address, in the order the server received them. */
    public synchronized List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Every mail so far, in the order the server received them. */
    public synchronized List<Mail> all() {
        // A restarted server starts empty; what the old one received is already in seen.
        GreenMail smtp = system.smtp();
        for (StoredMessage stored : smtp.getManagers().getImapHostManager().getAllMessages()) {
            MimeMessage message = stored.getMimeMessage();
            try {
                if (!taken.add(message.getMessageID())) {
                    continue;
                }
                Instant receivedAt = stored.getReceivedDate().toInstant();
                for (jakarta.mail.Address a : message.getRecipients(Message.RecipientType.TO)) {
                    seen.add(new Mail(a.toString(), message.getSubject(), text(message), receivedAt));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return seen.stream().sorted(Comparator.comparing(Mail::receivedAt)).toList();
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            }
        }
        return "";
    }
}
