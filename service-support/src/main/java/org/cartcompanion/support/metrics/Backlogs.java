package org.cartcompanion.support.metrics;

import java.util.List;

/** A service's backlogs, reported as metrics by {@link BacklogGauges}. */
public interface Backlogs {

    List<Backlog> backlogs();
}
