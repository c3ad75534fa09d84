// The steps every case write shares, inside one transaction: timeline entries, status changes, SLA
// policy choice, routing, and Finish (SLA sync, save with the version check, audit). Used by the
// ServiceDesk use cases and the escalation job; not part of the module's public face.
#pragma once

#include <string>

#include "audit/audit.h"
#include "service/case_store.h"
#include "service/sla_clock.h"

namespace concord::service {

class CaseWriter {
 public:
  CaseWriter(store::Connection& conn, audit::Actor actor, Instant now)
      : conn_(conn), actor_(std::move(actor)), now_(now) {}

  // Inserts the entry on the case at `now` (author defaults to the actor).
  Result<int64_t> AddEntry(const Case& c, Entry e);
  // Records the status change on the timeline (solved sets solved_at; a reopen clears it).
  Status ChangeStatus(Case& c, const std::string& status);
  // An internal timeline entry of `kind` (assignment, level, escalation, merge, survey, …).
  Status Note(const Case& c, const std::string& kind, const std::string& body);
  // Picks the SLA policy for the case's client, category and priority; a different one than before
  // goes on the timeline as a policy change (the clocks are recomputed under it).
  Status ChoosePolicy(Case& c);
  // Picks the queue (when none) and an assignee by the queue's strategy (when none and one has room).
  Status Route(Case& c);
  // Fills the mail fields of an outbound reply: To the requester, threaded under the case's messages.
  Status AddressReply(const Case& c, Entry& e);
  std::string UserName(std::optional<int64_t> user_id);
  // Recomputes the SLA, saves the case if it is still at expected_version, reloads it and appends the
  // audit event (before: the audit view before the change, or null).
  Result<Case> Finish(Case& c, int64_t expected_version, const std::string& action, nlohmann::json before,
                      nlohmann::json detail = nullptr);

 private:
  store::Connection& conn_;
  audit::Actor actor_;
  Instant now_;
};

// The audit view of a case (no survey token, no computed SLA columns).
nlohmann::json CaseAuditJson(const Case& c);
// The SLA report as the API shows it.
nlohmann::json SlaReportJson(const SlaReport& report, const std::vector<StoredSlaEvent>& recorded);
// A macro's body with {{requester_name}}, {{case_id}}, {{subject}}, {{agent_name}}, {{queue_name}},
// {{status}} filled in (core/text_template.h); an unknown placeholder is an error naming it and where.
Result<std::string> FillMacro(const std::string& body, const Case& c, const std::string& agent_name);

// The domain of the Message-IDs concord writes: $CONCORD_MAIL_DOMAIN, else "concord.invalid".
std::string MailDomain();

}  // namespace concord::service
