-- Reservations orders gave up on (a checkout that timed out or failed after catalog may have reserved) and still
-- owes catalog a release for: a row stays until catalog confirmed the release, so stock is never held forever.
CREATE TABLE owed_release (
    reference  VARCHAR(64) PRIMARY KEY,
    since      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
