package io.waypoint.followup.journey;

/** The {@code sequence}-th integration session after dosing session {@code dosingNumber}. */
public record IntegrationSession(int dosingNumber, int sequence) {
}
