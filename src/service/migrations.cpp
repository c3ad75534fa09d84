#include "service/case_store.h"

namespace concord::service {

// Instants are ISO-8601 UTC text (store/migrate.h). Configuration rows keep their nested parts (weekly
// hours, escalation rules, member skills) as JSON text: they are read and written whole.
std::vector<store::Migration> Migrations() {
  return {{"0500_service", R"sql(
CREATE TABLE service_calendars (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL,
  weekly_hours TEXT NOT NULL,
  holidays TEXT NOT NULL DEFAULT '[]',
  version {{int}} NOT NULL DEFAULT 1
);
CREATE TABLE sla_policies (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  calendar_id {{int}} NOT NULL REFERENCES service_calendars(id),
  first_response_min {{int}},
  next_response_min {{int}},
  resolution_min {{int}},
  due_soon_min {{int}} NOT NULL DEFAULT 0,
  pause_statuses TEXT NOT NULL,
  escalations TEXT NOT NULL DEFAULT '[]',
  client_id {{int}} REFERENCES clients(id),
  category TEXT,
  priority TEXT,
  active {{int}} NOT NULL DEFAULT 1,
  version {{int}} NOT NULL DEFAULT 1
);
CREATE TABLE service_queues (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  strategy TEXT NOT NULL,
  category TEXT,
  language TEXT,
  client_id {{int}} REFERENCES clients(id),
  inbound_address TEXT NOT NULL DEFAULT '',
  last_assigned_id {{int}},
  version {{int}} NOT NULL DEFAULT 1
);
CREATE TABLE service_queue_members (
  queue_id {{int}} NOT NULL REFERENCES service_queues(id),
  user_id {{int}} NOT NULL REFERENCES users(id),
  skills TEXT NOT NULL DEFAULT '[]',
  capacity {{int}} NOT NULL DEFAULT 10,
  PRIMARY KEY (queue_id, user_id)
);
CREATE TABLE service_macros (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  set_status TEXT,
  set_priority TEXT,
  add_tags TEXT NOT NULL DEFAULT '[]',
  version {{int}} NOT NULL DEFAULT 1
);
CREATE TABLE cases (
  id {{pk}},
  subject TEXT NOT NULL,
  requester_kind TEXT NOT NULL,
  requester_contact_id {{int}} REFERENCES contacts(id),
  requester_worker_id {{int}},
  requester_user_id {{int}} REFERENCES users(id),
  requester_name TEXT NOT NULL DEFAULT '',
  requester_email TEXT NOT NULL DEFAULT '',
  client_id {{int}} REFERENCES clients(id),
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  status TEXT NOT NULL,
  queue_id {{int}} REFERENCES service_queues(id),
  assignee_id {{int}} REFERENCES users(id),
  level TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  channel TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en',
  sla_policy_id {{int}} REFERENCES sla_policies(id),
  sla_due_at TEXT,
  sla_next_check_at TEXT,
  sla_state TEXT NOT NULL DEFAULT 'none',
  first_response_at TEXT,
  solved_at TEXT,
  merged_into_id {{int}} REFERENCES cases(id),
  satisfaction {{int}},
  satisfaction_comment TEXT NOT NULL DEFAULT '',
  survey_token TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_client ON cases (client_id, id);
CREATE INDEX cases_worker ON cases (requester_worker_id, id);
CREATE INDEX cases_queue ON cases (queue_id, status);
CREATE INDEX cases_assignee ON cases (assignee_id, status);
CREATE INDEX cases_next_check ON cases (sla_next_check_at);
CREATE INDEX cases_updated ON cases (updated_at, id);
CREATE TABLE case_links (
  case_id {{int}} NOT NULL REFERENCES cases(id),
  entity_type TEXT NOT NULL,
  entity_id {{int}} NOT NULL,
  PRIMARY KEY (case_id, entity_type, entity_id)
);
CREATE INDEX case_links_entity ON case_links (entity_type, entity_id);
CREATE TABLE case_entries (
  id {{pk}},
  case_id {{int}} NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  public {{int}} NOT NULL,
  author_id {{int}} REFERENCES users(id),
  author_name TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  duration_s {{int}},
  outcome TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  mail_message_id TEXT NOT NULL DEFAULT '',
  mail_in_reply_to TEXT NOT NULL DEFAULT '',
  mail_references TEXT NOT NULL DEFAULT '[]',
  mail_from TEXT NOT NULL DEFAULT '',
  mail_to TEXT NOT NULL DEFAULT '',
  mail_subject TEXT NOT NULL DEFAULT '',
  attachments TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX case_entries_case ON case_entries (case_id, created_at, id);
CREATE INDEX case_entries_message ON case_entries (mail_message_id);
CREATE TABLE case_sla_events (
  id {{pk}},
  case_id {{int}} NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  metric TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  due TEXT,
  escalation {{int}} NOT NULL DEFAULT -1,
  handled {{int}} NOT NULL DEFAULT 0,
  UNIQUE (case_id, at, kind, metric, policy_id, escalation)
);
CREATE INDEX case_sla_events_kind ON case_sla_events (kind, at);
CREATE TABLE case_reminders (
  id {{pk}},
  case_id {{int}} NOT NULL REFERENCES cases(id),
  user_id {{int}} NOT NULL REFERENCES users(id),
  due_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  done {{int}} NOT NULL DEFAULT 0,
  version {{int}} NOT NULL DEFAULT 1
);
CREATE INDEX case_reminders_user ON case_reminders (user_id, done, due_at);
CREATE TABLE service_notifications (
  id {{pk}},
  case_id {{int}} NOT NULL REFERENCES cases(id),
  user_id {{int}} REFERENCES users(id),
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE TABLE case_scorecards (
  id {{pk}},
  case_id {{int}} NOT NULL REFERENCES cases(id),
  reviewer_id {{int}} REFERENCES users(id),
  scores TEXT NOT NULL,
  total_pct {{int}} NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
)
)sql"},
          // Quality reviews: who was reviewed (the case's assignee and queue then), edits with a version.
          {"0501_service_scorecards", R"sql(
ALTER TABLE case_scorecards ADD COLUMN agent_id {{int}} REFERENCES users(id);
ALTER TABLE case_scorecards ADD COLUMN queue_id {{int}} REFERENCES service_queues(id);
ALTER TABLE case_scorecards ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE case_scorecards ADD COLUMN version {{int}} NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX case_scorecards_case ON case_scorecards (case_id);
CREATE INDEX case_scorecards_agent ON case_scorecards (agent_id, created_at)
)sql"},
          // cases.requester_worker_id gets its foreign key to wf_workers. Existing data first: an id that
          // names no worker is kept aside in case_orphaned_worker_refs and cleared on the case. PostgreSQL
          // adds the constraint; SQLite cannot add one to a table in place, and rebuilding `cases` inside
          // the migration's transaction would trip the foreign keys of every table pointing at it, so the
          // column's declaration is edited in sqlite_master (a constraint adds nothing to the stored rows;
          // writable_schema = RESET reloads this connection's schema, and the schema change makes every
          // other connection reload theirs).
          {"0502_service_worker_fk", R"sql(
CREATE TABLE case_orphaned_worker_refs (
  case_id {{int}} NOT NULL PRIMARY KEY REFERENCES cases(id),
  worker_id {{int}} NOT NULL
);
INSERT INTO case_orphaned_worker_refs (case_id, worker_id)
  SELECT id, requester_worker_id FROM cases
  WHERE requester_worker_id IS NOT NULL AND requester_worker_id NOT IN (SELECT id FROM wf_workers);
UPDATE cases SET requester_worker_id = NULL
  WHERE requester_worker_id IS NOT NULL AND requester_worker_id NOT IN (SELECT id FROM wf_workers);
{{pg}}
ALTER TABLE cases ADD CONSTRAINT cases_requester_worker_fk FOREIGN KEY (requester_worker_id) REFERENCES wf_workers(id);
{{/pg}}
{{sqlite}}
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, 'requester_worker_id INTEGER,', 'requester_worker_id INTEGER REFERENCES wf_workers(id),')
  WHERE type = 'table' AND name = 'cases';
PRAGMA writable_schema = RESET;
{{/sqlite}}
)sql"}};
}

}  // namespace concord::service
