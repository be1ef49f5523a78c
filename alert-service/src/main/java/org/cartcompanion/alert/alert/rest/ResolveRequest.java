package org.cartcompanion.alert.alert.rest;

/** {@code POST /api/v1/alerts/{id}/resolve}; the outcome is checked by the service so a bad one is a clear 400. */
public record ResolveRequest(String outcome, String note) {
}
