package io.waypoint.scheduling.api;

import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import java.time.Instant;
import java.util.List;

record AppointmentView(String appointmentId, String journeyId, AppointmentKind kind, int sequence,
                       Integer dosingNumber, Instant start, Instant end, String roomId,
                       List<String> therapistIds, AppointmentStatus status) {

    static AppointmentView of(Appointment a) {
        return new AppointmentView(a.appointmentId(), a.journeyId(), a.kind(), a.sequence(), a.dosingNumber(),
                a.start(), a.end(), a.roomId(), a.therapistIds(), a.status());
    }
}
