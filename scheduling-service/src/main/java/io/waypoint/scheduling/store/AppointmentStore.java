package io.waypoint.scheduling.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.plan.Booking;
import io.waypoint.scheduling.plan.Slot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments and what they occupy. */
@Repository
public class AppointmentStore {

    private static final String COLUMNS = """
            appointment_id, journey_id, kind, sequence, dosing_number, starts_at, ends_at, room_reserved_until,
            room_id, lead_therapist_id, co_therapist_id, status""";

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Appointment a) {
        jdbc.sql("INSERT INTO appointment (" + COLUMNS + """
                ) VALUES (:id, :journeyId, :kind, :sequence, :dosingNumber, :start, :end, :roomUntil, :roomId,
                    :lead, :co, :status)
                """)
                .param("id", a.appointmentId())
                .param("journeyId", a.journeyId())
                .param("kind", a.kind().name())
                .param("sequence", a.sequence())
                .param("dosingNumber", a.dosingNumber())
                .param("start", ts(a.start()))
                .param("end", ts(a.end()))
                .param("roomUntil", ts(a.roomReservedUntil()))
                .param("roomId", a.roomId())
                .param("lead", a.leadTherapistId())
                .param("co", a.coTherapistId())
                .param("status", a.status().name())
                .update();
    }

    public Optional<Appointment> find(String appointmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE appointment_id = :id")
                .param("id", appointmentId).query(AppointmentStore::map).optional();
    }

    /** Reads an appointment and locks it until the transaction ends, so commands on it run one at a time. */
    public Optional<Appointment> lock(String appointmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE appointment_id = :id FOR UPDATE")
                .param("id", appointmentId).query(AppointmentStore::map).optional();
    }

    public List<Appointment> byJourney(String journeyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE journey_id = :id ORDER BY starts_at, appointment_id")
                .param("id", journeyId).query(AppointmentStore::map).list();
    }

    /**
     * What a withdrawal at {@code from} ends, locked: the journey's checked-in appointments and its still-booked
     * ones starting at or after {@code from}, by start.
     */
    public List<Appointment> liveFrom(String journeyId, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM appointment
                 WHERE journey_id = :id AND (status = 'CHECKED_IN' OR (status = 'SCHEDULED' AND starts_at >= :from))
                 ORDER BY starts_at, appointment_id FOR UPDATE
                """)
                .param("id", journeyId).param("from", ts(from)).query(AppointmentStore::map).list();
    }

    /** When a checked-in appointment was checked in; empty before check-in. */
    public Optional<Instant> checkedInAt(String appointmentId) {
        return jdbc.sql("SELECT checked_in_at FROM appointment WHERE appointment_id = :id AND checked_in_at IS NOT NULL")
                .param("id", appointmentId).query((rs, n) -> instant(rs, "checked_in_at")).optional();
    }

    /** What every live appointment holding a room after {@code from} occupies, except {@code excluded}. */
    public List<Booking> bookingsAfter(Instant from, String excludedAppointmentId) {
        return jdbc.sql("""
                SELECT appointment_id, room_id, lead_therapist_id, co_therapist_id, starts_at, ends_at, room_reserved_until
                FROM appointment
                WHERE room_reserved_until > :from AND status <> 'CANCELLED' AND appointment_id <> :excluded
                """)
                .param("from", ts(from))
                .param("excluded", excludedAppointmentId == null ? "" : excludedAppointmentId)
                .query((rs, n) -> new Booking(rs.getString("appointment_id"), rs.getString("room_id"),
                        List.of(rs.getString("lead_therapist_id"), rs.getString("co_therapist_id")),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "room_reserved_until")))
                .list();
    }

    public int count(String journeyId, AppointmentKind kind, AppointmentStatus status) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE journey_id = :id AND kind = :kind AND status = :status")
                .param("id", journeyId).param("kind", kind.name()).param("status", status.name())
                .query(Integer.class).single();
    }

    /** Appointments of one kind and status in a journey's dosing cycle {@code dosingNumber}. */
    public int countInCycle(String journeyId, AppointmentKind kind, int dosingNumber, AppointmentStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM appointment
                WHERE journey_id = :id AND kind = :kind AND dosing_number = :number AND status = :status
                """)
                .param("id", journeyId).param("kind", kind.name()).param("number", dosingNumber)
                .param("status", status.name())
                .query(Integer.class).single();
    }

    public void checkIn(String appointmentId, Instant at) {
        jdbc.sql("UPDATE appointment SET status = 'CHECKED_IN', checked_in_at = :at WHERE appointment_id = :id")
                .param("id", appointmentId).param("at", ts(at)).update();
    }

    /** Moves an appointment to a final status (completed, missed, cancelled, aborted). */
    public void close(String appointmentId, AppointmentStatus status, Instant at, String reason, Boolean overnightStay) {
        jdbc.sql("""
                UPDATE appointment SET status = :status, closed_at = :at, status_reason = :reason,
                    overnight_stay = :overnight
                WHERE appointment_id = :id
                """)
                .param("id", appointmentId)
                .param("status", status.name())
                .param("at", ts(at))
                .param("reason", reason)
                .param("overnight", overnightStay)
                .update();
    }

    public void move(String appointmentId, Slot slot) {
        jdbc.sql("""
                UPDATE appointment SET starts_at = :start, ends_at = :end, room_reserved_until = :roomUntil,
                    room_id = :roomId
                WHERE appointment_id = :id
                """)
                .param("id", appointmentId)
                .param("start", ts(slot.start()))
                .param("end", ts(slot.end()))
                .param("roomUntil", ts(slot.roomReservedUntil()))
                .param("roomId", slot.roomId())
                .update();
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getString("appointment_id"), rs.getString("journey_id"),
                AppointmentKind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
                rs.getObject("dosing_number", Integer.class),
                instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "room_reserved_until"),
                rs.getString("room_id"), rs.getString("lead_therapist_id"), rs.getString("co_therapist_id"),
                AppointmentStatus.valueOf(rs.getString("status")));
    }
}
