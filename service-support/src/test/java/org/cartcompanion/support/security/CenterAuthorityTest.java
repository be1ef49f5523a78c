package org.cartcompanion.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CenterAuthorityTest {

    @ParameterizedTest(name = "token {0}, {1} at the center: sees {2}, acts as a coordinator {3}, as a clinician {4}")
    @CsvSource({
            // API.md v1.1: COORDINATOR at B and NURSE at A with a coordinator token acts as a nurse at A.
            "coordinator, NURSE, true, false, false",
            "coordinator, COORDINATOR, true, true, false",
            "clinician, NURSE, true, false, true",
            "clinician, PHYSICIAN, true, false, true",
            "clinician, COORDINATOR, true, false, true",
            "coordinator clinician, COORDINATOR, true, true, true",
            "coordinator clinician, PHYSICIAN, true, false, true",
            "coordinator, COMMUNITY_PHYSICIAN, false, false, false",
            "community-physician, COMMUNITY_PHYSICIAN, false, false, false",
            "coordinator, , false, false, false",
            "patient, COORDINATOR, false, false, false",
            "admin, COORDINATOR, false, false, false" })
    void theTokenSaysWhatACallerMayBeTheMembershipSaysWhere(String groups, String membership, boolean sees,
            boolean coordinates, boolean treats) {
        Set<String> token = Set.of(groups.split(" "));
        assertEquals(sees, CenterAuthority.maySeeAsStaff(token, membership));
        assertEquals(coordinates, CenterAuthority.mayActAs(token, membership, Roles.COORDINATOR));
        assertEquals(treats, CenterAuthority.mayActAs(token, membership, Roles.CLINICIAN));
        assertEquals(coordinates || treats, CenterAuthority.mayActAs(token, membership, Roles.COORDINATOR, Roles.CLINICIAN));
    }
}
