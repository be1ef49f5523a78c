package org.cartcompanion.alert.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.support.metrics.Backlog;
import org.cartcompanion.support.metrics.Backlogs;

/**
 * For the tests only: a backlog whose table cannot be read (as when the database is out of reach), listed before a readable
 * one, so a test can show that one failed read neither stops the others nor passes for a fresh figure.
 */
@ApplicationScoped
public class UnreadableBacklog implements Backlogs {

    @Override
    public List<Backlog> backlogs() {
        return List.of(new Backlog("test-unreadable", "no_such_table", "true", "now()"),
                new Backlog("test-readable", "alert", "false", "opened_at"));
    }
}
