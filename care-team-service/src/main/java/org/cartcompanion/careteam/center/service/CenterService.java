package org.cartcompanion.careteam.center.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cartcompanion.careteam.center.Center;
import org.cartcompanion.careteam.center.repository.CenterRepository;
import org.cartcompanion.careteam.center.rest.CreateCenterRequest;
import org.cartcompanion.careteam.center.rest.HandoffSettingsRequest;
import org.cartcompanion.support.paging.Cursor;
import org.cartcompanion.support.problem.ProblemException;
import org.cartcompanion.support.security.Caller;
import org.cartcompanion.support.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CenterService {

    private final CenterRepository centers;
    private final CenterAccess access;
    private final Clock clock;

    public CenterService(CenterRepository centers, CenterAccess access, Clock clock) {
        this.centers = centers;
        this.access = access;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Center> create(CreateCenterRequest request, Caller caller) {
        Center center = new Center();
        center.id = UUID.randomUUID();
        center.name = request.name();
        center.timeZone = zoneOf(request.timeZone()).getId();
        center.phone = request.phone();
        center.hotlineEmail = request.hotlineEmail();
        center.createdBy = caller.subject();
        center.createdAt = clock.instant();
        return centers.persistAndFlush(center);
    }

    /** One page of the caller's centers (an admin's: all), plus one look-ahead row. */
    @WithSession
    public Uni<List<Center>> page(Caller caller, Cursor after, int limit) {
        if (caller.has(Roles.ADMIN)) {
            return centers.pageAll(after, limit + 1);
        }
        return centers.pageForSubject(caller.subject(), after, limit + 1);
    }

    @WithSession
    public Uni<Center> visible(UUID centerId, Caller caller) {
        return access.visible(centerId, caller);
    }

    @WithTransaction
    public Uni<Center> handoffSettings(UUID centerId, HandoffSettingsRequest request, Caller caller) {
        if (request.communityLedDay() <= request.sharedCareDay()) {
            throw ProblemException.unprocessable("communityLedDay", "must be greater than sharedCareDay");
        }
        return access.staff(centerId, caller, Roles.COORDINATOR).map(center -> {
            center.sharedCareDay = request.sharedCareDay();
            center.communityLedDay = request.communityLedDay();
            return center;
        });
    }

    static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone is not a known IANA time zone.");
        }
    }
}
