// SQL for the service desk. Every case read takes the caller's CaseScope and applies it in the WHERE
// clause, so a case outside the scope is simply not found (404).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/case.h"
#include "service/desk_config.h"
#include "service/sla_clock.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::service {

std::vector<store::Migration> Migrations();

// Who may see which cases: internal staff all (both nullopt); a client user their clients' cases; a
// worker the cases they opened as the requester.
struct CaseScope {
  std::optional<std::vector<int64_t>> client_ids;
  std::optional<int64_t> worker_id;
  bool none = false;  // a worker user without a worker record
  bool internal() const { return !client_ids && !worker_id && !none; }
};

struct CaseListQuery {
  std::optional<std::string> q;  // subject, requester name or email, or the case number
  std::optional<std::string> status;  // one status, or "active" (neither solved nor closed)
  std::optional<std::string> priority, category, level, sla_state, channel;
  std::optional<int64_t> queue_id, assignee_id, client_id;
  bool unassigned = false;
  bool include_merged = false;
  std::string sort = "updated_at";  // updated_at, created_at, sla_due_at, subject, priority, status
  bool descending = true;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

struct CasePage {
  std::vector<Case> items;
  std::vector<std::string> sort_keys;
  int64_t total = 0;
};

Result<CasePage> ListCases(store::Connection& conn, const CaseScope& scope, const CaseListQuery& query);
Result<Case> LoadCase(store::Connection& conn, const CaseScope& scope, int64_t id);
Result<int64_t> InsertCase(store::Connection& conn, const Case& c);
// Writes the case if its stored version is `expected_version` (412 "case.stale" otherwise).
Status UpdateCase(store::Connection& conn, const Case& c, int64_t expected_version);
Status SaveLinks(store::Connection& conn, const Case& c);

Result<int64_t> InsertEntry(store::Connection& conn, const Entry& e);
// The case's timeline, oldest first; public_only hides internal notes and calls (portal users).
Result<std::vector<Entry>> ListEntries(store::Connection& conn, int64_t case_id, bool public_only);
Status MoveEntries(store::Connection& conn, int64_t from_case, int64_t to_case);
// The case a mail belongs to: the one holding any of these Message-IDs (In-Reply-To, References).
Result<std::optional<int64_t>> FindCaseByMessageIds(store::Connection& conn, const std::vector<std::string>& ids);
Result<bool> MessageIdKnown(store::Connection& conn, const std::string& message_id);

// Recorded SLA events of a case, chronological.
struct StoredSlaEvent {
  int64_t id = 0;
  int64_t case_id = 0;
  SlaEvent event;
  bool handled = false;
};
Result<std::vector<StoredSlaEvent>> ListSlaEvents(store::Connection& conn, int64_t case_id);
// Makes the stored events equal to `events`: removes those no longer computed, adds the new ones
// (unhandled), keeps the rest with their handled mark.
Status ReplaceSlaEvents(store::Connection& conn, int64_t case_id, const std::vector<SlaEvent>& events);
Status MarkSlaEventHandled(store::Connection& conn, int64_t event_id);
// Escalation events not yet acted on, oldest first (every case).
Result<std::vector<StoredSlaEvent>> UnhandledEscalations(store::Connection& conn, int limit);
// Cases whose SLA should be looked at again by `now` (sla_next_check_at passed).
Result<std::vector<int64_t>> CasesDueForCheck(store::Connection& conn, const std::string& now, int limit);

// Configuration.
Result<std::vector<CalendarRecord>> ListCalendars(store::Connection& conn);
Result<CalendarRecord> LoadCalendar(store::Connection& conn, int64_t id);
Result<int64_t> InsertCalendar(store::Connection& conn, const CalendarRecord& r);
Status UpdateCalendar(store::Connection& conn, const CalendarRecord& r, int64_t expected_version);

Result<std::vector<PolicyRecord>> ListPolicies(store::Connection& conn);
Result<PolicyRecord> LoadPolicy(store::Connection& conn, int64_t id);
Result<int64_t> InsertPolicy(store::Connection& conn, const PolicyRecord& r);
Status UpdatePolicy(store::Connection& conn, const PolicyRecord& r, int64_t expected_version);

Result<std::vector<Queue>> ListQueues(store::Connection& conn);
Result<Queue> LoadQueue(store::Connection& conn, int64_t id);
Result<int64_t> InsertQueue(store::Connection& conn, const Queue& q);
Status UpdateQueue(store::Connection& conn, const Queue& q, int64_t expected_version);
Status SetLastAssigned(store::Connection& conn, int64_t queue_id, int64_t user_id);
Result<std::optional<int64_t>> LastAssigned(store::Connection& conn, int64_t queue_id);
// Each user's open (neither solved nor closed) cases weighted by priority, over every queue.
Result<std::map<int64_t, int64_t>> WeightedLoads(store::Connection& conn);

Result<std::vector<Macro>> ListMacros(store::Connection& conn);
Result<Macro> LoadMacro(store::Connection& conn, int64_t id);
Result<int64_t> InsertMacro(store::Connection& conn, const Macro& m);
Status UpdateMacro(store::Connection& conn, const Macro& m, int64_t expected_version);

}  // namespace concord::service
