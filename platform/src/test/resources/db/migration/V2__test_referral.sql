CREATE TABLE referral (referral_id TEXT PRIMARY KEY, journey_id TEXT NOT NULL);
