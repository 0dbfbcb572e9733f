package io.waypoint.scheduling.plan;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * How a course is laid out in time under one protocol profile ({@code waypoint.protocols.<profile>.plan}).
 */
public record CoursePlan(Preparation preparation, DosingSessions dosing, Integration integration) {

    public CoursePlan {
        Objects.requireNonNull(preparation, "preparation");
        Objects.requireNonNull(dosing, "dosing");
        Objects.requireNonNull(integration, "integration");
    }

    /**
     * @param sessions                  preparatory sessions before the first dosing session
     * @param firstAfterEnrollmentDays  days from enrollment to the first one
     * @param spacingDays               days between them
     */
    public record Preparation(int sessions, Duration duration, LocalTime startTime, int firstAfterEnrollmentDays,
                              int spacingDays) {
        public Preparation {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(startTime, "start-time");
            if (sessions < 1 || firstAfterEnrollmentDays < 0 || spacingDays < 1) {
                throw new IllegalArgumentException("preparation needs sessions >= 1, first-after-enrollment-days >= 0 "
                        + "and spacing-days >= 1");
            }
        }
    }

    /**
     * @param duration                       the session itself, with both therapists
     * @param roomReservation                how long the room is held from the start (the overnight stay)
     * @param firstAfterLastPreparationDays  days from the last preparatory session to the first dosing session
     */
    public record DosingSessions(Duration duration, Duration roomReservation, LocalTime startTime,
                                 int firstAfterLastPreparationDays) {
        public DosingSessions {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(roomReservation, "room-reservation");
            Objects.requireNonNull(startTime, "start-time");
            if (roomReservation.compareTo(duration) < 0 || firstAfterLastPreparationDays < 1) {
                throw new IllegalArgumentException("dosing needs room-reservation >= duration and "
                        + "first-after-last-preparation-days >= 1");
            }
        }
    }

    /**
     * @param dayOffsets  days after the initial dose's date, one per integration session of a dosing cycle
     * @param firstWithin the first integration session starts at most this long after the initial dose
     */
    public record Integration(Duration duration, LocalTime startTime, List<Integer> dayOffsets, Duration firstWithin) {
        public Integration {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(startTime, "start-time");
            Objects.requireNonNull(firstWithin, "first-within");
            if (dayOffsets == null || dayOffsets.isEmpty()) {
                throw new IllegalArgumentException("integration needs day-offsets");
            }
            dayOffsets = List.copyOf(dayOffsets);
            for (int i = 1; i < dayOffsets.size(); i++) {
                if (dayOffsets.get(i) <= dayOffsets.get(i - 1)) {
                    throw new IllegalArgumentException("integration day-offsets must increase");
                }
            }
            if (dayOffsets.getFirst() < 1) {
                throw new IllegalArgumentException("integration sessions start after the dosing day");
            }
        }

        public int sessions() {
            return dayOffsets.size();
        }
    }
}
