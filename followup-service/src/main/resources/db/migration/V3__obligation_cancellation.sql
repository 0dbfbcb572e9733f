-- A withdrawn journey's unmet obligations are closed as CANCELLED (status OPEN | MET | OVERDUE | CANCELLED),
-- at the time of the withdrawal.
ALTER TABLE obligation ADD COLUMN cancelled_at TIMESTAMPTZ;
