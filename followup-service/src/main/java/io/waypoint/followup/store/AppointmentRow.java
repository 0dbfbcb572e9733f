package io.waypoint.followup.store;

import java.time.Instant;
import java.util.List;

public record AppointmentRow(String appointmentId, String journeyId, String kind, Integer sequence,
                             Integer dosingNumber, Instant start, Instant end, List<String> therapistIds,
                             String status, Instant remindedAt) {
}
