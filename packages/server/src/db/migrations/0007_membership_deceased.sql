-- A person's death, recorded in one organisation, ends their membership in every organisation
-- from its date: membershipStatusesAt looks it up for each status it computes. Deaths are few,
-- so this partial index keeps that lookup a small probe (for one person) or a small scan (for
-- all of them at once) instead of a pass over every membership event.
create index membership_event_deceased_idx on membership_event (person_id, effective_date)
  where kind = 'deceased';
