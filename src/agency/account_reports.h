// Account status reports: one report per client account covering all its live jobs, prepared as a draft
// (by the coordinator, or each week by the account's schedule), reviewed, and sent to the client contact
// through the outbox with the PDF attached. A sent report is frozen; the next one moves its milestones and
// carries its narrative, health and progress forward (account_report_rules.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agency/account_report_rules.h"
#include "agency/loe.h"
#include "agency/service.h"
#include "jobs/jobs.h"

namespace concord::agency {

inline constexpr const char* kAccountReportJob = "agency.account_report";

struct AccountReport {
  int64_t id = 0;
  int64_t client_id = 0;
  std::string client_name;
  std::string state = "draft";    // draft | sent
  std::string origin = "manual";  // manual | schedule
  std::string narrative;
  std::vector<AccountReportLine> lines;
  std::optional<int64_t> previous_id;  // the sent report it is compared with
  std::optional<std::string> sent_at;
  std::string sent_to;
  std::optional<int64_t> outbox_id;
  std::string author;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct AccountReportLineEdit {
  int64_t job_id = 0;
  std::optional<std::string> health;
  std::optional<int> progress;
};

struct AccountReportEdit {
  std::optional<std::string> narrative;
  std::vector<AccountReportLineEdit> lines;
};

struct AccountReportSchedule {
  int64_t client_id = 0;
  std::optional<int> weekday;  // 1 (Monday) … 7 (Sunday); none: no weekly report
  bool auto_send = false;      // send the prepared report without review
  std::string send_to;         // empty: the client's primary contact
  int64_t version = 0;         // 0: never saved
};

class AccountReportService {
 public:
  AccountReportService(store::Database& db, AgencyService& agency) : db_(db), agency_(agency) {}

  // The account's draft, created or refreshed: figures recomputed from the jobs now; the narrative and each
  // job's health and progress already edited in the draft are kept.
  Result<AccountReport> PrepareDraft(const auth::Principal& caller, int64_t client_id, const std::string& origin,
                                     const std::string& request_id);
  Result<AccountReport> EditDraft(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                  const AccountReportEdit& edit, const std::string& request_id);
  // E-mails the PDF to `to` (default: the schedule's send_to, else the primary contact) through the outbox
  // and freezes the report, in one transaction.
  Result<AccountReport> Send(const auth::Principal& caller, int64_t id, int64_t expected_version,
                             const std::optional<std::string>& to, const std::string& request_id);
  // A client user sees only sent reports (a draft is "not found").
  Result<AccountReport> Get(const auth::Principal& caller, int64_t id);
  // q over client and narrative; filters client_id, state; sort created_at. A client user: sent ones only.
  Result<std::pair<std::vector<AccountReport>, KeyedRows>> List(const auth::Principal& caller, const ListQuery& query);

  Result<AccountReportSchedule> GetSchedule(const auth::Principal& caller, int64_t client_id);
  Result<AccountReportSchedule> SaveSchedule(const auth::Principal& caller, int64_t client_id,
                                             int64_t expected_version, const AccountReportSchedule& input,
                                             const std::string& request_id);

  // The weekly job: prepares the account's draft and, when the schedule says so, sends it.
  void RegisterJobs(jobs::Registry& registry);

 private:
  store::Database& db_;
  AgencyService& agency_;
};

nlohmann::json ToJson(const AccountReport& report);
nlohmann::json ToJson(const AccountReportSchedule& schedule);
// One row per job (XLSX/CSV) and the PDF the client receives (account_report_document.cpp).
io::Table AccountReportTable(const AccountReport& report);
Result<RenderedDocument> AccountReportDocument(const AccountReport& report);
std::vector<store::Migration> AccountReportMigrations();

}  // namespace concord::agency
