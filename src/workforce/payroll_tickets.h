// Payroll escalations as records (payroll_ticket.h has the rules): a coordinator opens a ticket on a
// worker, researches it, sends it to payroll, waits on the worker or the client, and resolves it. Every
// step is audited and noted on the worker's timeline in the same transaction; each step sets the next
// follow-up date, and tickets whose follow-up is due show on the coordinator's home page.
//
// Why not a service-desk case (src/service): a case has no pay period, amount or ticket kind, its states
// are the desk's (pending requester / third party), its clock is an SLA policy rather than the date the
// coordinator promised to chase payroll, and it lives in the desk's queues rather than on the worker's
// timeline. A ticket can still be escalated to a case from the worker page (routes_cases.cpp).
//
// Tenancy is the TableMap's: internal users see all, a client user their clients' tickets, a worker their
// own (read-only: writes need kWorkforceWrite).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "core/date.h"
#include "store/db.h"

namespace concord::workforce {

using nlohmann::json;

class PayrollTickets {
 public:
  explicit PayrollTickets(store::Database& db) : db_(db) {}

  // A new ticket on `worker_id` (its assignment: the one given, else the worker's latest). Without a
  // due date the rules' default follow-up applies.
  Result<json> Open(const auth::Principal& caller, int64_t worker_id, const json& input, Date today,
                    const std::string& request_id);
  // Research: notes, amount, pay period, due date, payroll's reference (If-Match version).
  Result<json> Update(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                      const std::string& request_id);
  // send_to_payroll, await_worker, await_client, resolve (needs `resolution`), reopen (needs `note`);
  // `body` may carry `note`, `due_date` (the next follow-up; else the default) and `payroll_reference`.
  Result<json> Act(const auth::Principal& caller, int64_t id, int64_t version, const std::string& action,
                   const json& body, Date today, const std::string& request_id);
  // For the coordinator's home: unresolved tickets by status and the follow-ups due by `today`.
  Result<json> Home(const auth::Principal& caller, Date today);

 private:
  store::Database& db_;
};

}  // namespace concord::workforce
