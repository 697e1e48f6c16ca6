-- E-mail copies of notifications go through an outbox: a notification written in a transaction
-- is marked pending and sent only once that transaction has committed (a rolled-back one leaves
-- nothing to send). Failures are retried a few times, then given up with the error kept.
alter table notification
  add column email_pending boolean not null default false,
  add column emailed_at timestamptz,
  add column email_attempts int not null default 0,
  add column email_error text;

create index notification_email_pending_idx on notification (created_at) where email_pending;
