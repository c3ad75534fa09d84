// The service desk's use cases. Each write runs in one transaction: it applies the rules, saves, brings
// the case's SLA up to date (due times, state, recorded SLA events) and appends the audit event. The
// caller's principal gives the scope (internal staff: every case; a client user: their clients' cases;
// a worker: the cases they opened); permissions are checked by the api layer.
#pragma once

#include <functional>
#include <string>

#include "auth/principal.h"
#include "io/table.h"
#include "jobs/jobs.h"
#include "mail/smtp.h"
#include "service/board.h"
#include "service/case_store.h"
#include "service/quality_store.h"
#include "service/report.h"

namespace concord::service {

inline constexpr size_t kMaxAttachmentBytes = 10 * 1024 * 1024;

// A message, note, call or chat added to a case's timeline.
struct EntryInput {
  std::string kind = "note";  // reply (agent message out), message (requester message in), note, call, chat
  std::string body;
  bool is_public = false;               // notes only: shown to the requester (a public note)
  std::optional<int64_t> duration_s;    // calls and chats: handle time
  std::optional<std::string> outcome;   // calls
  std::optional<std::string> set_status;  // status after the entry (e.g. pending_requester after a reply)
  // Mail (set by the mail ingester / the outbound sender).
  std::string mail_message_id, mail_in_reply_to, mail_from, mail_to, mail_subject;
  std::vector<std::string> mail_references;
  std::vector<Attachment> attachments;
  // Files uploaded with the entry (portal attachments): stored in the entry's transaction.
  std::vector<jobs::File> uploads;
};

// What the escalation job did.
struct EscalationRun {
  int cases_checked = 0;
  int escalations_fired = 0;
  int deferred = 0;  // due outside business hours: left for the next opening
  int reminders_due = 0;
};

// One contact for workforce management's interval history: a case arriving in a queue (or a call
// logged on it) and the agent time it took.
struct ContactArrival {
  std::optional<int64_t> queue_id;
  std::string queue_name;
  std::string arrived_at;  // ISO-8601 UTC
  int64_t handle_seconds = 0;
  std::string channel;
};

// What an inbound mail did: joined case_id (or opened it), or was a message already known.
struct MailIngest {
  int64_t case_id = 0;
  bool created = false;
  bool duplicate = false;
};

// The supervisor's board: the agents and the open cases (urgent first, at most kBoardCaseLimit).
inline constexpr int kBoardCaseLimit = 500;
struct Board {
  std::vector<BoardAgent> agents;
  std::vector<Case> cases;
  int64_t open_total = 0;
};

class ServiceDesk {
 public:
  using Clock = std::function<Instant()>;
  explicit ServiceDesk(store::Database& db, Clock now = {});

  static CaseScope ScopeOf(const auth::Principal& caller);

  Result<CasePage> List(const auth::Principal& caller, const CaseListQuery& query);
  Result<Case> Get(const auth::Principal& caller, int64_t id);
  // The cases in the caller's scope linked to a record of any module (newest first).
  Result<std::vector<Case>> LinkedTo(const auth::Principal& caller, const LinkedRecord& record);
  // Opens a case: picks its queue (unless given), assignee (the queue's routing) and SLA policy. A
  // portal user's case belongs to their client (client user) or to themself (worker).
  Result<Case> Create(const auth::Principal& caller, const CaseInput& input, const std::string& request_id);
  // Changes fields; a status, assignee, level or policy change also goes on the timeline.
  Result<Case> Update(const auth::Principal& caller, int64_t id, int64_t expected_version, const CaseInput& input,
                      const std::string& request_id);
  // Adds to the timeline. Portal users may only add requester messages. A requester message reopens a
  // pending or solved case; the first agent reply opens a new one.
  Result<Entry> AddEntry(const auth::Principal& caller, int64_t case_id, const EntryInput& input,
                         const std::string& request_id);
  Result<std::vector<Entry>> Timeline(const auth::Principal& caller, int64_t case_id);
  // A file attached to an entry of the case the caller may see (portal users: public entries only).
  Result<jobs::File> AttachmentFile(const auth::Principal& caller, int64_t case_id, int64_t file_id);
  // The SLA at this moment, with the recorded SLA events.
  Result<nlohmann::json> Sla(const auth::Principal& caller, int64_t case_id);
  // Merges `duplicate` into `target`: its messages move over, it closes pointing at the target.
  Result<Case> Merge(const auth::Principal& caller, int64_t duplicate_id, int64_t target_id,
                     const std::string& request_id);
  // Fills the macro's placeholders for the case and adds the result as a reply, then applies its
  // status, priority and tags.
  Result<Entry> ApplyMacro(const auth::Principal& caller, int64_t case_id, int64_t macro_id,
                           const std::string& request_id);
  // The requester's answer to the survey sent on solve (1–5), by the token in the survey link.
  Result<Case> AnswerSurvey(const std::string& token, int64_t rating, const std::string& comment,
                            const std::string& request_id);

  // Follow-up reminders.
  Result<nlohmann::json> AddReminder(const auth::Principal& caller, int64_t case_id, const std::string& due_at,
                                     const std::string& note, const std::string& request_id);
  Result<nlohmann::json> Reminders(const auth::Principal& caller, bool include_done);
  Result<nlohmann::json> CompleteReminder(const auth::Principal& caller, int64_t id, const std::string& request_id);
  Result<nlohmann::json> Notifications(const auth::Principal& caller);

  // Recomputes the SLA of cases whose next check has come and acts on escalations that fired: notify,
  // reassign (to the rule's queue) or raise the level. Notifications wait for the policy's business
  // hours. Registered as the "service.escalations" job, scheduled every minute.
  Result<EscalationRun> RunEscalations(const std::string& request_id);
  void RegisterJobs(jobs::Registry& registry);
  Status ScheduleJobs();

  // Cases and calls that arrived in [from, to) with their handle time, for WFM interval history.
  Result<std::vector<ContactArrival>> ContactArrivals(const std::string& from, const std::string& to);

  // The manager's dashboard over cases opened in [from, to) (ISO-8601), by queue, agent or client.
  Result<Dashboard> DashboardFor(const std::string& from, const std::string& to, const std::string& dimension);

  // Every case matching the query (no paging), as an export table.
  Result<io::Table> ExportTable(const auth::Principal& caller, CaseListQuery query);

  // Quality reviews. The sample: up to per_agent of each agent's cases solved in [from, to), drawn
  // reproducibly from the seed (quality.h).
  Result<std::vector<SolvedCase>> QualitySample(const std::string& from, const std::string& to, int per_agent,
                                                const std::string& seed);
  Result<ScorecardPage> Scorecards(const ScorecardListQuery& query);
  Result<Scorecard> GetScorecard(int64_t id);
  // Scores a solved case on the desk's form for the agent it was assigned to (one scorecard per case).
  Result<Scorecard> ReviewCase(const auth::Principal& caller, int64_t case_id, const Ratings& ratings,
                               const std::string& comment, const std::string& request_id);
  Result<Scorecard> ReviseScorecard(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                    const Ratings& ratings, const std::string& comment, const std::string& request_id);
  Result<io::Table> ScorecardTable(ScorecardListQuery query);
  // Average scores by agent or queue and by week of the solve, over every scorecard the query matches.
  Result<QualityReport> QualityReportFor(ScorecardListQuery query, const std::string& dimension);

  // The supervisor's board over every queue or one.
  Result<Board> BoardFor(std::optional<int64_t> queue_id);
  // Gives the open cases to assignee_id (nullopt: back to the queue unassigned), all or none; each change
  // goes on the case's timeline and is audited as "reassign".
  Result<std::vector<Case>> Reassign(const auth::Principal& caller, const std::vector<int64_t>& case_ids,
                                     std::optional<int64_t> assignee_id, const std::string& request_id);

  // Configuration (manager/admin).
  Result<std::vector<CalendarRecord>> Calendars();
  Result<CalendarRecord> SaveCalendar(const auth::Principal& caller, std::optional<int64_t> id,
                                      std::optional<int64_t> expected_version, CalendarRecord record,
                                      const std::string& request_id);
  Result<std::vector<PolicyRecord>> Policies();
  Result<PolicyRecord> GetPolicy(int64_t id);
  Result<PolicyRecord> SavePolicy(const auth::Principal& caller, std::optional<int64_t> id,
                                  std::optional<int64_t> expected_version, PolicyRecord record,
                                  const std::string& request_id);
  Result<std::vector<Queue>> Queues();
  Result<Queue> GetQueue(int64_t id);
  Result<Queue> SaveQueue(const auth::Principal& caller, std::optional<int64_t> id,
                          std::optional<int64_t> expected_version, Queue record, const std::string& request_id);
  Result<std::vector<Macro>> Macros();
  Result<Macro> SaveMacro(const auth::Principal& caller, std::optional<int64_t> id,
                          std::optional<int64_t> expected_version, Macro record, const std::string& request_id);

  // Takes one inbound RFC 5322 message (.eml): parsed with its attachments (stored as files) and
  // threaded into its case by Message-ID/In-Reply-To/References, else opens a case in the queue of the
  // address it was sent to. The same Message-ID twice is taken once.
  Result<MailIngest> IngestMail(const std::string& raw, const std::string& request_id);
  Instant Now() const { return now_(); }
  store::Database& db() { return db_; }

 private:
  friend class CaseWriter;
  store::Database& db_;
  Clock now_;
};

}  // namespace concord::service
