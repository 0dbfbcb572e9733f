-- The hash of the request an Idempotency-Key first answered: the same key with another request is refused.
ALTER TABLE idempotent_request ADD COLUMN request_hash TEXT;
