// The agency's use cases: account knowledge, rate card, jobs with alerts, estimates (LOEs) with revisions,
// change orders and client approval, billable time on the N-business-day rule, invoices and the reports.
// Each write runs in one transaction that also appends its audit event. The caller's principal gives the
// scope: a client user sees only their client's records, and anything outside the scope is "not found".
// Permissions are checked by the api layer before a use case is called.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "agency/exports.h"
#include "agency/store.h"
#include "auth/principal.h"
#include "io/table.h"

namespace concord::agency {

struct AccountInput {
  std::optional<std::string> client_code, industry, org_structure, products, services, markets, distribution,
      branding_requirements, processes, reporting_preferences;
  std::optional<std::vector<TeamSeat>> team;
  std::optional<std::vector<ContactPreference>> contact_preferences;
  std::optional<std::vector<ApprovalStep>> approval_chain;
  std::optional<std::vector<KeyDate>> key_dates;
};

struct AccountFileInput {
  std::string title, category, file_name, content_type, bytes;
};

struct RateInput {
  std::optional<int64_t> client_id;  // none: the role's default rate
  std::string role;
  Date effective_from;
  Money rate;
};

struct RateRow {
  int64_t id = 0;
  std::optional<int64_t> client_id;
  std::string role;
  Date effective_from;
  Money rate;
};

struct JobInput {
  std::optional<int64_t> client_id;  // create only
  std::optional<std::string> title, job_type, description, brief, currency;
  std::optional<std::optional<int64_t>> owner_user_id;
  std::optional<bool> billable;
  std::optional<std::optional<Date>> start_date, due_date;
  std::optional<std::vector<JobMilestone>> milestones;
};

struct JobView {  // a job with what the coordinator needs beside it
  Job job;
  JobBudget budget;
  Money actual;
  int64_t billable_minutes = 0;
  std::vector<JobAlert> alerts;
  bool lacks_approved_estimate = false;
};

struct EstimateInput {
  std::optional<std::vector<EstimateLine>> lines;  // labour lines with no rate take the rate card's
  std::optional<std::string> terms;
  std::optional<Decimal> close_probability_percent;
  std::optional<std::optional<Date>> expected_close;
};

struct ApprovalInput {
  std::string approved_by;  // empty: the caller (a client user approving in the portal)
  ApprovalMethod method = ApprovalMethod::kPortal;
  std::optional<std::string> document_sha256;  // empty: the checksum of the LOE last sent
};

struct TimeInput {
  std::optional<int64_t> job_id;
  std::optional<int64_t> user_id;  // create: whose time; default the caller
  std::optional<std::string> service, notes;
  std::optional<Date> work_date;
  std::optional<int64_t> minutes;
  std::optional<bool> billable;
};

struct InvoiceInput {
  int64_t job_id = 0;
  std::string source;  // fixed_fee | milestones | time_and_expenses
  std::optional<int64_t> estimate_id;            // fixed_fee, milestones: default the job's approved original
  std::vector<Milestone> milestone_schedule;     // milestones
  std::vector<size_t> milestone_indexes;         // milestones
  std::vector<int64_t> time_entry_ids;           // time_and_expenses: empty = every approved, uninvoiced entry
  Decimal tax_percent;
  int payment_terms_days = 30;
};

struct CreditInput {  // what a credit note credits: the whole invoice, some of its lines, or an amount
  std::vector<size_t> line_indexes;  // lines of the invoice (empty with no amount: every line)
  std::optional<Decimal> amount;     // instead: one line of this amount before tax
  std::string reason;                // printed on the credit note's line
};

struct PaymentInput {
  Decimal amount;
  std::optional<Date> received_on;  // default today
  std::string reference;            // the client's remittance reference
};

struct DeliveryInput {
  std::string channel = "email";  // kDeliveryChannels
  std::string status = "sent";    // kDeliveryStatuses
  std::string to;                 // an address or a person
  std::string note;
  std::optional<int64_t> outbox_id;
};

struct EmailInput {
  std::optional<std::string> to;  // default: the client's billing contact
  std::string note;               // added to the message and the delivery
};

struct LoeDocument {
  std::string bytes, content_type, file_name, sha256;
};

struct LateReminder {
  int64_t user_id = 0;
  std::string person;
  std::optional<int64_t> lead_user_id;
  std::string lead_name;
  int late_entries = 0;
  int64_t late_minutes = 0;
  std::string message;
};

struct Clock {  // "today" and "now", replaceable in tests
  std::function<Instant()> now = [] { return Instant::FromUnixSeconds(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count()); };
};

class AgencyService {
 public:
  explicit AgencyService(store::Database& db, Clock clock = {}) : db_(db), clock_(std::move(clock)) {
    exports.db = &db;
  }

  // The agency lists that export in the background (filled as their routes are installed).
  ExportCatalog exports;

  // Settings and rate card (agency admin).
  Result<Settings> GetSettings();
  Result<Settings> UpdateSettings(const auth::Principal& caller, int64_t expected_version, const nlohmann::json& patch,
                                  const std::string& request_id);
  Result<std::vector<RateRow>> Rates(const auth::Principal& caller);
  Result<RateRow> AddRate(const auth::Principal& caller, const RateInput& input, const std::string& request_id);

  // Account knowledge: one per client account.
  Result<std::vector<Account>> Accounts(const auth::Principal& caller);
  Result<std::pair<std::vector<Account>, KeyedRows>> ListAccounts(const auth::Principal& caller, const ListQuery& query);
  Result<Account> GetAccount(const auth::Principal& caller, int64_t client_id);
  Result<Account> SaveAccount(const auth::Principal& caller, int64_t client_id, std::optional<int64_t> expected_version,
                              const AccountInput& input, const std::string& request_id);

  // The account's files (account_files_service.cpp): upload, list, download, archive / restore.
  Result<std::vector<AccountFile>> AccountFiles(const auth::Principal& caller, int64_t client_id, bool with_archived);
  Result<AccountFile> AddAccountFile(const auth::Principal& caller, int64_t client_id, const AccountFileInput& input,
                                     const std::string& request_id);
  Result<std::pair<AccountFile, std::string>> AccountFileContent(const auth::Principal& caller, int64_t id);
  Result<AccountFile> ArchiveAccountFile(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                         bool archived, const std::string& request_id);

  // Jobs.
  Result<std::pair<std::vector<JobView>, KeyedRows>> ListJobs(const auth::Principal& caller, const ListQuery& query);
  Result<JobView> GetJob(const auth::Principal& caller, int64_t id);
  Result<JobView> OpenJob(const auth::Principal& caller, const JobInput& input, const std::string& request_id);
  Result<JobView> UpdateJob(const auth::Principal& caller, int64_t id, int64_t expected_version, const JobInput& input,
                            const std::string& request_id);
  Result<JobView> ChangeJobStatus(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                  JobStatus to, const std::string& request_id);

  // Estimates.
  Result<std::vector<EstimateRecord>> JobEstimates(const auth::Principal& caller, int64_t job_id);
  Result<std::pair<std::vector<EstimateRecord>, KeyedRows>> ListEstimates(const auth::Principal& caller,
                                                                          const ListQuery& query);
  Result<EstimateRecord> GetEstimate(const auth::Principal& caller, int64_t id);
  Result<EstimateRecord> CreateEstimate(const auth::Principal& caller, int64_t job_id, const EstimateInput& input,
                                        const std::string& request_id);
  Result<EstimateRecord> EditEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                      const EstimateInput& input, const std::string& request_id);
  Result<LoeDocument> RenderLoe(const auth::Principal& caller, int64_t id);
  // The LOE as sent (the stored bytes whose checksum the approval must match).
  Result<LoeDocument> SentLoe(const auth::Principal& caller, int64_t id);
  Result<EstimateRecord> SendEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                      const std::string& request_id);
  Result<EstimateRecord> ApproveEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                         const ApprovalInput& input, const std::string& request_id);
  Result<EstimateRecord> DeclineEstimate(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                         const std::string& request_id);
  Result<EstimateRecord> ReviseEstimate(const auth::Principal& caller, int64_t id, const std::string& request_id);
  Result<EstimateRecord> AddChangeOrder(const auth::Principal& caller, int64_t id, const std::string& request_id);

  // Time.
  Result<std::pair<std::vector<TimeRecord>, KeyedRows>> ListTime(const auth::Principal& caller, const ListQuery& query);
  Result<TimeRecord> GetTime(const auth::Principal& caller, int64_t id);
  Result<TimeRecord> EnterTime(const auth::Principal& caller, const TimeInput& input, const std::string& request_id);
  Result<TimeRecord> EditTime(const auth::Principal& caller, int64_t id, int64_t expected_version,
                              const TimeInput& input, const std::string& request_id);
  Status DeleteTime(const auth::Principal& caller, int64_t id, int64_t expected_version, const std::string& request_id);
  // open/submitted -> submitted/approved; approved time is frozen.
  Result<TimeRecord> AdvanceTime(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                 TimeEntryState to, const std::string& request_id);

  // Invoices.
  Result<std::pair<std::vector<InvoiceRecord>, KeyedRows>> ListInvoices(const auth::Principal& caller,
                                                                        const ListQuery& query);
  Result<InvoiceRecord> GetInvoice(const auth::Principal& caller, int64_t id);
  Result<LoeDocument> InvoiceDocument(const auth::Principal& caller, int64_t id);  // the PDF
  Result<InvoiceRecord> DraftInvoice(const auth::Principal& caller, const InvoiceInput& input,
                                     const std::string& request_id);
  Result<InvoiceRecord> IssueInvoice(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                     std::optional<Date> issue_date, const std::string& request_id);
  Result<InvoiceRecord> CreditInvoice(const auth::Principal& caller, int64_t id, const CreditInput& input,
                                      const std::string& request_id);
  // Each delivery and payment is its own row (invoice_ledger.cpp); the invoice keeps the latest delivery and
  // the sum paid, and its stage follows them.
  Result<InvoiceRecord> RecordDelivery(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                       const DeliveryInput& input, const std::string& request_id);
  Result<InvoiceRecord> RecordPayment(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                      const PaymentInput& input, const std::string& request_id);
  // Queues the invoice's PDF to the billing contact in the outbox and records it as a delivery
  // (invoice_mail.cpp). Error invoice.no_billing_contact (422) when there is nobody to send it to.
  Result<InvoiceRecord> EmailInvoice(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                     const EmailInput& input, const std::string& request_id);

  // Reports.
  Result<std::vector<JobView>> JobsWithoutApprovedLoe(const auth::Principal& caller);
  Result<std::vector<OnTimeStats>> TimeCompliance(const auth::Principal& caller, Date from, Date to);
  Result<std::vector<LateReminder>> LateTimeReminders(const auth::Principal& caller, Date from, Date to);
  Result<std::vector<ForecastMonth>> Forecast(const auth::Principal& caller, YearMonth first, YearMonth last,
                                              const std::string& currency);

  Date Today();
  Instant Now() { return clock_.now(); }

 private:
  Result<JobView> ViewOf(store::Connection& conn, Job job);
  Result<RateCard> LoadRateCard(store::Connection& conn);
  Result<std::string> ClientCode(store::Connection& conn, int64_t client_id);

  store::Database& db_;
  Clock clock_;
};

// Audit and API views.
nlohmann::json ToJson(const Account& account);
nlohmann::json ToJson(const AccountFile& file);
nlohmann::json ToJson(const Job& job);
nlohmann::json ToJson(const JobView& view);
nlohmann::json ToJson(const JobAlert& alert);
nlohmann::json ToJson(const EstimateRecord& record);
nlohmann::json ToJson(const TimeRecord& record);
nlohmann::json ToJson(const InvoiceRecord& record);
nlohmann::json ToJson(const RateRow& rate);
nlohmann::json ToJson(const Settings& settings);

}  // namespace concord::agency
