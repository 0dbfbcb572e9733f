-- Events of one instant (e.g. the sessions booked by one completion) keep the order in which they arrived.
ALTER TABLE timeline_entry ADD COLUMN arrival BIGSERIAL;
DROP INDEX timeline_entry_by_journey;
CREATE INDEX timeline_entry_by_journey ON timeline_entry (journey_id, occurred_at, arrival);
