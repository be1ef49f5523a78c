package org.cartcompanion.support.retention;

import java.util.List;

/** A service's own retention rules, besides the audit trail's (which every service has). */
public interface RetentionRules {

    List<RetentionRule> rules();
}
