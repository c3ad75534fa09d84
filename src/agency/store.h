// The agency's stored records and the SQL helpers their services share. The records wrap the pure rule
// types of agency.h (Estimate, Invoice, TimeEntry) with ids, tenant and version; the services load them,
// apply the rules, save them and append the audit event in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agency/agency.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::agency {

using Scope = std::optional<std::vector<int64_t>>;

std::vector<store::Migration> Migrations();
std::vector<store::Migration> AccountMigrations();  // the account side's (schema_accounts.cpp), in Migrations()

// ---- Settings -------------------------------------------------------------------------------------------

struct Settings {
  std::string job_pattern;
  std::string invoice_pattern;
  std::string credit_note_pattern;
  int entry_window_days = 3;
  std::string time_zone;
  std::vector<Date> holidays;
  std::optional<Date> locked_through;  // time worked on or before this date is locked
  std::string locked_by;               // who set the lock, and when (empty when unlocked)
  std::optional<std::string> locked_at;
  int contact_report_days = 2;         // contact reports go to the client within this many business days
  int64_t version = 1;

  TimePolicy Policy() const;  // Monday–Friday in time_zone, minus the holidays
};

// ---- Account knowledge ----------------------------------------------------------------------------------

inline const std::vector<std::string> kTeamSeats = {"lead", "coordinator"};
inline const std::vector<std::string> kContactMethods = {"email", "phone", "sms", "video", "in_person", "portal"};

struct TeamSeat {
  int64_t user_id = 0;
  std::string role;  // lead | coordinator
  std::optional<int64_t> backup_user_id;
  std::string name, backup_name;  // filled when read
};

struct ContactPreference {
  int64_t contact_id = 0;
  std::string preferred_method = "email";
  std::string branding_requirements;
  std::string contact_name;  // filled when read
  std::string role, email;   // filled when read, from the client's contact record
};

// Who signs off what, in order (estimates, concepts, copy, layouts ... go through the chain).
struct ApprovalStep {
  int step = 1;
  std::string approves;  // what this step approves, e.g. "estimates", "creative"
  int64_t contact_id = 0;
  std::string contact_name;  // filled when read
};

// A date the coordinator plans around: launches, fiscal year end, trade shows; `yearly` repeats it.
struct KeyDate {
  Date date;
  std::string label;
  bool yearly = false;
};

struct Account {
  int64_t client_id = 0;
  std::string client_code;
  std::string client_name;  // filled when read
  std::string industry, org_structure, products, services, markets, distribution, branding_requirements;
  std::string processes, reporting_preferences;
  std::vector<TeamSeat> team;
  std::vector<ContactPreference> contact_preferences;
  std::vector<ApprovalStep> approval_chain;
  std::vector<KeyDate> key_dates;
  int64_t version = 1;
  std::string updated_at;
};

// The account's files (brand guidelines, process documents, briefs ...): kept, archived, never deleted.
inline const std::vector<std::string> kAccountFileCategories = {"brand_guidelines", "process", "brief", "contract",
                                                                "correspondence", "other"};

struct AccountFile {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t file_id = 0;
  std::string title, category, file_name, content_type;
  int64_t size = 0;
  std::string sha256, uploaded_by;
  std::optional<std::string> archived_at;
  int64_t version = 1;
  std::string created_at;
};

// ---- Jobs -----------------------------------------------------------------------------------------------

struct JobMilestone {
  std::string name;
  Date due;
  bool done = false;
};

struct Job {
  int64_t id = 0;
  int64_t client_id = 0;
  std::string client_name;
  std::string number;
  std::string title, job_type, description, brief;
  std::optional<int64_t> owner_user_id;
  std::string owner_name;
  JobStatus status = JobStatus::kOpen;
  bool billable = true;
  std::string currency = "USD";
  std::optional<Date> start_date, due_date;
  std::vector<JobMilestone> milestones;
  int64_t version = 1;
  std::string created_at, updated_at;
};

// ---- Estimates ------------------------------------------------------------------------------------------

struct EstimateRecord {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t job_id = 0;
  std::string job_number;
  Estimate estimate;
  int64_t version = 1;
  std::string created_at, updated_at;
};

// ---- Time -----------------------------------------------------------------------------------------------

struct TimeRecord {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t job_id = 0;
  int64_t user_id = 0;
  std::string notes;
  bool late = false;
  std::optional<int64_t> invoice_id;
  TimeEntry entry;  // person = the user's name, job_number = the job's number
  int64_t version = 1;
};

// ---- Invoices -------------------------------------------------------------------------------------------

inline const std::vector<std::string> kDeliveryStatuses = {"not_sent", "sent", "delivered", "bounced"};
inline const std::vector<std::string> kDeliveryChannels = {"email", "post", "portal", "hand"};

struct InvoicePayment {  // one payment received, with the client's remittance reference
  int64_t id = 0;
  Date received_on;
  Money amount;
  std::string reference, recorded_by, created_at;
};

struct InvoiceDelivery {  // one delivery of the invoice: how, to whom, when, and what became of it
  int64_t id = 0;
  std::string channel, status, sent_to, note, recorded_by, created_at;
  std::optional<int64_t> outbox_id;  // an e-mail queued in the outbox
};

struct InvoiceRecord {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t job_id = 0;
  std::string source;  // fixed_fee | milestones | time_and_expenses | credit_note
  Invoice invoice;
  std::optional<int64_t> credited_invoice_id;
  Money paid;
  std::string delivery_status = "not_sent";
  std::string delivered_to;
  std::optional<std::string> delivered_at;
  int64_t version = 1;
  std::string created_at, updated_at;
  Money credited;  // Σ issued credit notes against this invoice, positive
  std::vector<InvoicePayment> payments;
  std::vector<InvoiceDelivery> deliveries;
  std::optional<Date> as_of;  // today in the agency's time zone: the day overdue is judged on
};

// ---- Shared SQL helpers ---------------------------------------------------------------------------------

// A list request: search text, exact-match filters, a sort column and a keyset cursor.
struct ListQuery {
  std::optional<std::string> q;
  std::vector<std::pair<std::string, std::string>> filters;  // (filter name, value), names checked by the route
  std::string sort;
  bool descending = false;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

// What one list needs to know about its table: the FROM clause (with joins), the id column, the columns a
// search matches, the sortable expressions and the filterable columns, by public name.
struct ListSpec {
  std::string from;
  std::string id_column;
  std::string client_column;
  std::vector<std::string> search_columns;
  std::vector<std::pair<std::string, std::string>> sorts;    // (name, SQL expression); the first is the default
  std::vector<std::pair<std::string, std::string>> filters;  // (name, SQL column)
};

struct KeyedRows {
  store::Rows rows;
  std::vector<std::string> sort_keys;
  int64_t total = 0;
};

// SELECT `columns` FROM spec.from with the scope, search, filters and keyset page applied.
Result<KeyedRows> ListRows(store::Connection& conn, const Scope& scope, const ListSpec& spec,
                           const std::string& columns, const ListQuery& query);

// A list page mapped to records, with the keys for the next cursor.
template <class Record>
using Page = std::pair<std::vector<Record>, KeyedRows>;
template <class Record, class FromRow>
Result<Page<Record>> ListRecords(store::Connection& conn, const Scope& scope, const ListSpec& spec,
                                 const std::string& columns, const ListQuery& query, FromRow from_row) {
  KeyedRows rows = TRY(ListRows(conn, scope, spec, columns, query));
  std::vector<Record> out;
  for (const auto& r : rows.rows) out.push_back(from_row(r));
  return std::make_pair(std::move(out), std::move(rows));
}

// One row of spec.from by id within the scope; "<what>.not_found" (404) otherwise.
Result<store::Row> LoadRow(store::Connection& conn, const Scope& scope, const ListSpec& spec,
                           const std::string& columns, int64_t id, const std::string& what);

Error StaleVersion(const std::string& what);
// "0" → Money in `currency`; malformed stored text is a bug, reported as 500.
Money MoneyOf(const std::string& amount, const std::string& currency);
Decimal DecimalOf(const std::string& text);
std::optional<Date> OptDate(const std::optional<std::string>& text);
store::Value DateValue(const std::optional<Date>& date);

nlohmann::json LinesToJson(const std::vector<EstimateLine>& lines);
std::vector<EstimateLine> LinesFromJson(const std::string& text, const std::string& currency);
nlohmann::json InvoiceLinesToJson(const std::vector<InvoiceLine>& lines);
std::vector<InvoiceLine> InvoiceLinesFromJson(const std::string& text, const std::string& currency);

}  // namespace concord::agency
