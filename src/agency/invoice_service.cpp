// Invoices: drafts from an approved estimate (fixed fee, milestones) or approved time and expenses, issuing
// with the next number (which freezes the time and expenses it bills), credit notes, delivery and payment.
#include "agency/expenses.h"
#include "agency/loaders.h"
#include "agency/loe.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kInvoiceColumns =
    "i.id, i.client_id, i.job_id, j.number, a.client_code, i.kind, i.status, i.number, i.source, i.currency, i.lines, "
    "i.tax_percent, i.payment_terms_days, i.issue_date, i.due_date, i.credited_invoice_id, ci.number, i.paid, "
    "i.delivery_status, i.delivered_to, i.delivered_at, i.version, i.created_at, i.updated_at";
constexpr const char* kInvoiceFrom =
    "agency_invoices i JOIN agency_jobs j ON j.id = i.job_id JOIN agency_accounts a ON a.client_id = i.client_id "
    "LEFT JOIN agency_invoices ci ON ci.id = i.credited_invoice_id";

// The latest delivery's state: an e-mailed one's is its outbox message's (invoice_ledger.cpp LoadLedger).
constexpr const char* kDeliveryStatusColumn =
    "COALESCE((SELECT o.status FROM agency_invoice_deliveries d JOIN mail_outbox o ON o.id = d.outbox_id "
    "WHERE d.id = (SELECT MAX(l.id) FROM agency_invoice_deliveries l WHERE l.invoice_id = i.id)), i.delivery_status)";

const ListSpec kInvoiceList{kInvoiceFrom,
                            "i.id",
                            "i.client_id",
                            {"i.number", "j.number", "j.title"},
                            {{"updated_at", "i.updated_at"},
                             {"number", "COALESCE(i.number, '')"},
                             {"issue_date", "COALESCE(i.issue_date, '')"},
                             {"due_date", "COALESCE(i.due_date, '')"},
                             {"status", "i.status"}},
                            {{"status", "i.status"}, {"kind", "i.kind"}, {"job_id", "CAST(i.job_id AS TEXT)"},
                             {"client_id", "CAST(i.client_id AS TEXT)"}, {"delivery_status", kDeliveryStatusColumn}}};

InvoiceRecord InvoiceFromRow(const store::Row& r) {
  InvoiceRecord rec;
  rec.id = r.Int(0);
  rec.client_id = r.Int(1);
  rec.job_id = r.Int(2);
  Invoice& inv = rec.invoice;
  inv.job_number = r.Text(3);
  inv.client_code = r.Text(4);
  inv.kind = r.Text(5) == "credit_note" ? InvoiceKind::kCreditNote : InvoiceKind::kInvoice;
  inv.status = r.Text(6) == "issued" ? InvoiceStatus::kIssued : InvoiceStatus::kDraft;
  inv.number = r.Text(7);
  rec.source = r.Text(8);
  inv.currency = r.Text(9);
  inv.lines = InvoiceLinesFromJson(r.Text(10), inv.currency);
  inv.tax_percent = DecimalOf(r.Text(11));
  inv.payment_terms_days = static_cast<int>(r.Int(12));
  inv.issue_date = OptDate(r.OptText(13));
  inv.due_date = OptDate(r.OptText(14));
  rec.credited_invoice_id = r.OptInt(15);
  inv.credited_invoice_number = r.Text(16);
  rec.paid = MoneyOf(r.Text(17), inv.currency);
  rec.delivery_status = r.Text(18);
  rec.delivered_to = r.Text(19);
  rec.delivered_at = r.OptText(20);
  rec.version = r.Int(21);
  rec.created_at = r.Text(22);
  rec.updated_at = r.Text(23);
  return rec;
}

Result<int64_t> InsertInvoice(store::Connection& c, int64_t client_id, int64_t job_id, const std::string& source,
                              const Invoice& inv, std::optional<int64_t> credited_invoice_id) {
  const InvoiceTotals t = ComputeInvoiceTotals(inv);
  const std::string now = store::NowText();
  auto row = TRY(c.QueryOne(
      "INSERT INTO agency_invoices (client_id, job_id, kind, status, source, currency, lines, tax_percent, "
      "payment_terms_days, credited_invoice_id, subtotal, tax, total, version, created_at, updated_at) "
      "VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {client_id, job_id, inv.kind == InvoiceKind::kCreditNote ? "credit_note" : "invoice", source, inv.currency,
       InvoiceLinesToJson(inv.lines).dump(), inv.tax_percent.ToString(), int64_t{inv.payment_terms_days},
       store::Opt(credited_invoice_id), t.subtotal.amount().ToString(), t.tax.amount().ToString(),
       t.total.amount().ToString(), now, now}));
  return row.Int(0);
}

Status Audit(store::Connection& c, const auth::Principal& caller, const std::string& request_id,
             const std::string& action, const nlohmann::json& before, const InvoiceRecord& after) {
  return audit::Append(c, caller.Actor(request_id),
                       {"agency_invoice", std::to_string(after.id), after.client_id, action, before, ToJson(after)});
}

// The estimate a fixed-fee or milestone invoice bills: the one named, else the job's approved original.
Result<EstimateRecord> BilledEstimate(store::Connection& c, int64_t job_id, std::optional<int64_t> estimate_id) {
  for (const auto& e : TRY(LoadJobEstimates(c, job_id))) {
    if (estimate_id ? e.id == *estimate_id
                    : e.estimate.kind == EstimateKind::kOriginal && e.estimate.status == EstimateStatus::kApproved) {
      return e;
    }
  }
  return ConflictAt("invoice.estimate_not_approved", "estimate_id",
                    estimate_id ? "That estimate is not one of this job's." : "The job has no approved estimate.");
}

}  // namespace

Result<InvoiceRecord> LoadInvoice(store::Connection& conn, const Scope& scope, int64_t id, Date today) {
  InvoiceRecord record = InvoiceFromRow(TRY(LoadRow(conn, scope, kInvoiceList, kInvoiceColumns, id, "invoice")));
  TRY(LoadLedger(conn, record));
  record.as_of = today;
  return record;
}

Result<Money> BilledOfJob(store::Connection& conn, int64_t job_id, const std::string& currency) {
  Money billed(Decimal(), currency);
  for (const auto& r : TRY(conn.Query("SELECT total FROM agency_invoices WHERE job_id = ? AND status = 'issued' "
                                      "AND currency = ?",
                                      {job_id, currency}))) {
    billed = billed + MoneyOf(r.Text(0), currency);  // credit notes are stored negative
  }
  return billed;
}

Result<std::pair<std::vector<InvoiceRecord>, KeyedRows>> AgencyService::ListInvoices(const auth::Principal& caller,
                                                                                    const ListQuery& query) {
  const Date today = Today();
  auto conn = TRY(db_.Acquire());
  auto page = TRY(
      ListRecords<InvoiceRecord>(*conn, caller.ClientScope(), kInvoiceList, kInvoiceColumns, query, InvoiceFromRow));
  for (auto& record : page.first) {
    TRY(LoadLedger(*conn, record));
    record.as_of = today;
  }
  return page;
}

Result<InvoiceRecord> AgencyService::GetInvoice(const auth::Principal& caller, int64_t id) {
  const Date today = Today();
  auto conn = TRY(db_.Acquire());
  return LoadInvoice(*conn, caller.ClientScope(), id, today);
}

Result<LoeDocument> AgencyService::InvoiceDocument(const auth::Principal& caller, int64_t id) {
  const InvoiceRecord record = TRY(GetInvoice(caller, id));
  RenderedDocument doc = TRY(RenderInvoiceDocument(record));
  return LoeDocument{std::move(doc.bytes), doc.content_type, doc.file_name, ""};
}

Result<InvoiceRecord> AgencyService::DraftInvoice(const auth::Principal& caller, const InvoiceInput& in,
                                                  const std::string& request_id) {
  const Date today = Today();
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const Job job = TRY(LoadJob(c, caller.ClientScope(), in.job_id));
    Invoice inv;
    inv.client_code = TRY(ClientCode(c, job.client_id));
    inv.job_number = job.number;
    inv.currency = job.currency;
    inv.tax_percent = in.tax_percent;
    inv.payment_terms_days = in.payment_terms_days;
    std::vector<int64_t> billed_time, billed_expenses;
    if (in.source == "fixed_fee") {
      const EstimateRecord e = TRY(BilledEstimate(c, job.id, in.estimate_id));
      inv.lines.push_back(TRY(FixedFeeLine(e.estimate)));
    } else if (in.source == "milestones") {
      const EstimateRecord e = TRY(BilledEstimate(c, job.id, in.estimate_id));
      inv.lines = TRY(MilestoneLines(e.estimate, in.milestone_schedule, in.milestone_indexes));
    } else if (in.source == "time_and_expenses") {
      const RateCard card = TRY(LoadRateCard(c));
      std::string where = "t.job_id = ? AND t.billable = 1 AND t.invoice_id IS NULL";
      std::vector<store::Value> params{job.id};
      if (!in.time_entry_ids.empty()) {
        where = "t.job_id = ?";  // named entries are checked by the rule (not approved, already invoiced …)
        store::AppendScope(in.time_entry_ids, "t.id", where, params);
      } else {
        where += " AND t.state = 'approved'";
      }
      std::vector<TimeCharge> charges;
      for (const auto& t : TRY(LoadTimeWhere(c, where, params))) {
        TimeEntry entry = t.entry;
        if (t.invoice_id) entry.state = TimeEntryState::kInvoiced;  // already on another invoice
        charges.push_back({entry, TRY(card.Resolve(inv.client_code, t.entry.service, t.entry.work_date)).rate});
        billed_time.push_back(t.id);
      }
      std::vector<ExpenseCharge> expenses;  // every approved, billable expense not on an invoice yet
      for (const auto& x : TRY(LoadExpensesWhere(
               c, "x.job_id = ? AND x.billable = 1 AND x.invoice_id IS NULL AND x.state = 'approved'", {job.id}))) {
        expenses.push_back(ChargeOf(x.expense));
        billed_expenses.push_back(x.id);
      }
      if (charges.empty() && expenses.empty()) {
        return InvalidAt("invoice.nothing_to_bill", "time_entry_ids",
                         "No approved, uninvoiced billable time or expenses.");
      }
      inv.lines = TRY(TimeAndExpenseLines(charges, expenses, inv.currency));
    } else {
      return InvalidAt("invoice.source_invalid", "source", "One of fixed_fee, milestones, time_and_expenses.");
    }
    const int64_t id = TRY(InsertInvoice(c, job.client_id, job.id, in.source, inv, std::nullopt));
    for (int64_t t : billed_time) {  // reserved for this invoice; invoiced (frozen) when it is issued
      TRY(c.Execute("UPDATE agency_time SET invoice_id = ?, version = version + 1 WHERE id = ?", {id, t}));
    }
    for (int64_t x : billed_expenses) {
      TRY(c.Execute("UPDATE agency_expenses SET invoice_id = ?, version = version + 1 WHERE id = ?", {id, x}));
    }
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, id, today));
    TRY(Audit(c, caller, request_id, "create", nullptr, saved));
    return saved;
  });
}

Result<InvoiceRecord> AgencyService::IssueInvoice(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                  std::optional<Date> issue_date, const std::string& request_id) {
  const Settings settings = TRY(GetSettings());
  const Date today = Today();
  const Date day = issue_date.value_or(today);
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const InvoiceRecord before = TRY(LoadInvoice(c, caller.ClientScope(), id, today));
    const bool credit = before.invoice.kind == InvoiceKind::kCreditNote;
    const NumberPattern pattern = TRY(ParseNumberPattern(credit ? settings.credit_note_pattern : settings.invoice_pattern,
                                                         PatternRequirements::ForInvoices()));
    const int64_t last = TRY(c.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM agency_invoices WHERE kind = ? AND seq_year = ?",
                                        {credit ? "credit_note" : "invoice", int64_t{day.year()}}))
                             .Int(0);
    const Invoice issued = TRY(Issue(before.invoice, pattern, day, last));
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_invoices SET status = 'issued', number = ?, seq_year = ?, seq = ?, issue_date = ?, due_date = ?, "
        "version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'",
        {issued.number, int64_t{day.year()}, last + 1, DateValue(issued.issue_date), DateValue(issued.due_date),
         store::NowText(), id, expected_version}));
    if (changed == 0) return StaleVersion("invoice");
    TRY(c.Execute("UPDATE agency_time SET state = 'invoiced', version = version + 1, updated_at = ? WHERE invoice_id = ?",
                  {store::NowText(), id}));
    TRY(c.Execute("UPDATE agency_expenses SET state = 'invoiced', version = version + 1, updated_at = ? "
                  "WHERE invoice_id = ?",
                  {store::NowText(), id}));
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, id, today));
    TRY(Audit(c, caller, request_id, "issue", ToJson(before), saved));
    return saved;
  });
}

Result<InvoiceRecord> AgencyService::CreditInvoice(const auth::Principal& caller, int64_t id, const CreditInput& in,
                                                   const std::string& request_id) {
  const Date today = Today();
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const InvoiceRecord original = TRY(LoadInvoice(c, caller.ClientScope(), id, today));
    const Invoice& inv = original.invoice;
    std::vector<InvoiceLine> lines;
    if (in.amount) {
      const Money amount(*in.amount, inv.currency);
      if (amount.amount().Sign() <= 0) {
        return InvalidAt("invoice.credit_amount_invalid", "amount", "A positive amount before tax.");
      }
      const std::string why = in.reason.empty() ? "Credit" : "Credit: " + in.reason;
      lines.push_back({why, Decimal::FromInt(1), "credit", amount, amount});
    }
    for (size_t index : in.line_indexes) {
      if (index >= inv.lines.size()) {
        return InvalidAt("invoice.line_unknown", "line_indexes",
                         "Line " + std::to_string(index + 1) + " is not on " + inv.number + ".");
      }
      lines.push_back(inv.lines[index]);
    }
    const Invoice note = TRY(DraftCreditNote(inv, lines, original.credited));
    const int64_t note_id = TRY(InsertInvoice(c, original.client_id, original.job_id, "credit_note", note, id));
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, note_id, today));
    TRY(Audit(c, caller, request_id, "create_credit_note", nullptr, saved));
    return saved;
  });
}

nlohmann::json ToJson(const InvoiceRecord& rec) {
  const Invoice& inv = rec.invoice;
  const InvoiceTotals t = ComputeInvoiceTotals(inv);
  auto date = [](const std::optional<Date>& d) { return d ? nlohmann::json(d->ToString()) : nlohmann::json(); };
  nlohmann::json j = {{"id", rec.id},
                      {"client_id", rec.client_id},
                      {"job_id", rec.job_id},
                      {"job_number", inv.job_number},
                      {"kind", inv.kind == InvoiceKind::kCreditNote ? "credit_note" : "invoice"},
                      {"status", inv.status == InvoiceStatus::kIssued ? "issued" : "draft"},
                      {"number", inv.number.empty() ? nlohmann::json() : nlohmann::json(inv.number)},
                      {"source", rec.source},
                      {"currency", inv.currency},
                      {"lines", InvoiceLinesToJson(inv.lines)},
                      {"tax_percent", inv.tax_percent.ToString()},
                      {"payment_terms_days", inv.payment_terms_days},
                      {"issue_date", date(inv.issue_date)},
                      {"due_date", date(inv.due_date)},
                      {"credited_invoice_id", rec.credited_invoice_id ? nlohmann::json(*rec.credited_invoice_id) : nullptr},
                      {"credited_invoice_number", inv.credited_invoice_number},
                      {"subtotal", t.subtotal.amount().ToString()},
                      {"tax", t.tax.amount().ToString()},
                      {"total", t.total.amount().ToString()},
                      {"paid", rec.paid.amount().ToString()},
                      {"delivery_status", rec.delivery_status},
                      {"delivered_to", rec.delivered_to},
                      {"delivered_at", rec.delivered_at ? nlohmann::json(*rec.delivered_at) : nullptr},
                      {"payment", nullptr},
                      {"version", rec.version},
                      {"created_at", rec.created_at},
                      {"updated_at", rec.updated_at}};
  const Date today = rec.as_of.value_or(inv.issue_date.value_or(Date()));
  const bool sent = rec.delivery_status == "sent" || rec.delivery_status == "delivered";
  j["stage"] = InvoiceStage(inv, rec.credited, rec.paid, sent, today);
  j["credited"] = rec.credited.ToString();
  j["payments"] = PaymentsToJson(rec.payments);
  j["deliveries"] = DeliveriesToJson(rec.deliveries);
  if (inv.status == InvoiceStatus::kIssued && inv.kind == InvoiceKind::kInvoice && inv.due_date) {
    const PaymentStatus p = PaymentStatusOf(t.total - rec.credited, rec.paid, *inv.due_date, today);
    const char* state = p.state == PaymentState::kPaid ? "paid" : p.state == PaymentState::kPartiallyPaid ? "partially_paid" : "unpaid";
    j["payment"] = {{"state", state}, {"overdue", p.overdue}, {"outstanding", p.outstanding.ToString()}};
  }
  return j;
}

}  // namespace concord::agency
