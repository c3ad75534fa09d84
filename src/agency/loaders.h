// Row loaders the agency services share (internal to the module). Each takes the caller's scope where a
// record is looked up by id, so a record outside it is "not found".
#pragma once

#include "agency/agency_error.h"
#include "agency/meetings.h"
#include "agency/service.h"

namespace concord::agency {

Result<Job> LoadJob(store::Connection& conn, const Scope& scope, int64_t id);
Result<std::vector<EstimateRecord>> LoadJobEstimates(store::Connection& conn, int64_t job_id);
Result<EstimateRecord> LoadEstimate(store::Connection& conn, const Scope& scope, int64_t id);
Result<std::vector<TimeRecord>> LoadTimeWhere(store::Connection& conn, const std::string& where,
                                              const std::vector<store::Value>& params);
Result<TimeRecord> LoadTime(store::Connection& conn, const Scope& scope, int64_t id);
// The invoice with its credits, payments and deliveries, its stage judged on `today` (the agency's date).
Result<InvoiceRecord> LoadInvoice(store::Connection& conn, const Scope& scope, int64_t id, Date today);
// Fills the credits, payments and deliveries of a loaded invoice (invoice_ledger.cpp).
Status LoadLedger(store::Connection& conn, InvoiceRecord& record);
nlohmann::json PaymentsToJson(const std::vector<InvoicePayment>& payments);
nlohmann::json DeliveriesToJson(const std::vector<InvoiceDelivery>& deliveries);
// Appends a delivery row and makes it the invoice's latest (no version check: the caller holds the lock).
Status InsertDelivery(store::Connection& conn, const InvoiceRecord& invoice, const DeliveryInput& input,
                      const std::string& recorded_by);
// Σ issued invoices − Σ issued credit notes of a job (what has been billed).
Result<Money> BilledOfJob(store::Connection& conn, int64_t job_id, const std::string& currency);
// The value of `time` at the rate card: minutes summed per (service, rate), each sum rounded once.
Result<Money> TimeValue(const RateCard& card, const std::string& client_code, const std::vector<TimeRecord>& time,
                        const std::string& currency, bool billable_only);

// Action items (contact reports and traffic meetings share them).
Result<std::vector<ActionItem>> LoadActionItems(store::Connection& conn, const std::string& where,
                                                const std::vector<store::Value>& params);
Status InsertActionItems(store::Connection& c, std::optional<int64_t> client_id, std::optional<int64_t> report_id,
                         std::optional<int64_t> meeting_id, const std::vector<ActionItemInput>& items);

// Milestone snapshots and moves as stored in report rows (status_report_service.cpp).
nlohmann::json MilestonesJson(const std::vector<MilestoneDate>& list);
nlohmann::json MovedJson(const std::vector<MovedMilestone>& list);
std::vector<MilestoneDate> MilestonesFromJson(const nlohmann::json& list);
std::vector<MovedMilestone> MovedFromJson(const nlohmann::json& list);

}  // namespace concord::agency
