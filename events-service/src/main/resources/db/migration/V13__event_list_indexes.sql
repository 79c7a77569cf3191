-- The list reads these indexes in (filter, date, id) order and stops after one page; the list query puts the filtered
-- column first in its ORDER BY so that H2 and PostgreSQL both see the index as sorted (see ConflictEventQueries).
DROP INDEX ix_conflict_event_view_theater;
CREATE INDEX ix_conflict_event_view_theater_date ON conflict_event_view (theater, event_date, id);
CREATE INDEX ix_conflict_event_view_type_date ON conflict_event_view (type, event_date, id);
CREATE INDEX ix_conflict_event_view_status_date ON conflict_event_view (status, event_date, id);
