package org.cartcompanion.careteam.oncall.rest;

import java.util.List;

/** After a rotation or shift is deleted: the coverage gaps of the next 14 days, and the same in words. */
public record CoverageResponse(List<GapResponse> coverageGaps, List<String> warnings) {
}
