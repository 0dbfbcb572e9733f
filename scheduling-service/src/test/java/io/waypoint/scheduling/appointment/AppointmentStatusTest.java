package io.waypoint.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppointmentStatusTest {

    @Test
    void aScheduledAppointmentIsCheckedInMissedOrCancelled() {
        assertThat(AppointmentStatus.SCHEDULED.next()).containsExactlyInAnyOrder(
                AppointmentStatus.CHECKED_IN, AppointmentStatus.MISSED, AppointmentStatus.CANCELLED);
    }

    @Test
    void aCheckedInAppointmentIsCompletedOrAborted() {
        assertThat(AppointmentStatus.CHECKED_IN.next()).containsExactlyInAnyOrder(
                AppointmentStatus.COMPLETED, AppointmentStatus.ABORTED);
        assertThat(AppointmentStatus.CHECKED_IN.canMoveTo(AppointmentStatus.CHECKED_IN)).isFalse();
    }

    @Test
    void finalStatesAreFinal() {
        for (AppointmentStatus status : new AppointmentStatus[] {AppointmentStatus.COMPLETED, AppointmentStatus.MISSED,
                AppointmentStatus.CANCELLED, AppointmentStatus.ABORTED}) {
            assertThat(status.next()).as(status.name()).isEmpty();
        }
    }
}
