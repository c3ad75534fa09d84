// What happens to an issued invoice: credit notes against it, each delivery (how, to whom, when, what became
// of it) and each payment received with its remittance reference. The invoice row keeps the latest delivery
// and the sum paid; its stage (invoice.h InvoiceStage) follows from them.
#include <algorithm>

#include "agency/loaders.h"
#include "audit/audit.h"
#include "store/time.h"

namespace concord::agency {
namespace {

Status Audit(store::Connection& c, const auth::Principal& caller, const std::string& request_id,
             const std::string& action, const InvoiceRecord& before, const InvoiceRecord& after) {
  return audit::Append(c, caller.Actor(request_id), {"agency_invoice", std::to_string(after.id), after.client_id,
                                                     action, ToJson(before), ToJson(after)});
}

bool OneOf(const std::vector<std::string>& allowed, const std::string& value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

Status LoadLedger(store::Connection& conn, InvoiceRecord& rec) {
  const std::string& currency = rec.invoice.currency;
  rec.credited = Money(Decimal(), currency);
  for (const auto& r : TRY(conn.Query(
           "SELECT total FROM agency_invoices WHERE credited_invoice_id = ? AND status = 'issued'", {rec.id}))) {
    rec.credited = rec.credited - MoneyOf(r.Text(0), currency);  // credit notes are stored negative
  }
  rec.payments.clear();
  for (const auto& r : TRY(conn.Query("SELECT id, received_on, amount, reference, recorded_by, created_at "
                                      "FROM agency_invoice_payments WHERE invoice_id = ? ORDER BY id",
                                      {rec.id}))) {
    rec.payments.push_back({r.Int(0), *OptDate(r.Text(1)), MoneyOf(r.Text(2), currency), r.Text(3), r.Text(4),
                            r.Text(5)});
  }
  rec.deliveries.clear();
  // An e-mailed delivery is what its outbox message is (queued, held, sent, failed), not what was hoped for
  // when it was queued; the invoice's delivery status follows its latest delivery.
  for (const auto& r : TRY(conn.Query("SELECT d.id, d.channel, COALESCE(o.status, d.status), d.sent_to, d.note, "
                                      "d.recorded_by, d.created_at, d.outbox_id FROM agency_invoice_deliveries d "
                                      "LEFT JOIN mail_outbox o ON o.id = d.outbox_id WHERE d.invoice_id = ? ORDER BY d.id",
                                      {rec.id}))) {
    rec.deliveries.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.OptInt(7)});
  }
  if (!rec.deliveries.empty() && rec.deliveries.back().outbox_id) rec.delivery_status = rec.deliveries.back().status;
  return {};
}

nlohmann::json PaymentsToJson(const std::vector<InvoicePayment>& payments) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : payments) {
    out.push_back({{"id", p.id}, {"received_on", p.received_on.ToString()}, {"amount", p.amount.amount().ToString()},
                   {"reference", p.reference}, {"recorded_by", p.recorded_by}, {"created_at", p.created_at}});
  }
  return out;
}

nlohmann::json DeliveriesToJson(const std::vector<InvoiceDelivery>& deliveries) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : deliveries) {
    out.push_back({{"id", d.id}, {"channel", d.channel}, {"status", d.status}, {"sent_to", d.sent_to},
                   {"note", d.note}, {"recorded_by", d.recorded_by}, {"created_at", d.created_at},
                   {"outbox_id", d.outbox_id ? nlohmann::json(*d.outbox_id) : nlohmann::json()}});
  }
  return out;
}

Status InsertDelivery(store::Connection& c, const InvoiceRecord& invoice, const DeliveryInput& in,
                      const std::string& recorded_by) {
  const std::string now = store::NowText();
  TRY(c.Execute("INSERT INTO agency_invoice_deliveries (client_id, invoice_id, channel, status, sent_to, note, "
                "outbox_id, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {invoice.client_id, invoice.id, in.channel, in.status, in.to, in.note, store::Opt(in.outbox_id),
                 recorded_by, now}));
  TRY(c.Execute("UPDATE agency_invoices SET delivery_status = ?, delivered_to = ?, delivered_at = ?, "
                "version = version + 1, updated_at = ? WHERE id = ?",
                {in.status, in.to, now, now, invoice.id}));
  return {};
}

Result<InvoiceRecord> AgencyService::RecordDelivery(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                    const DeliveryInput& in, const std::string& request_id) {
  std::vector<FieldError> errors;
  if (!OneOf(kDeliveryStatuses, in.status) || in.status == "not_sent") {
    errors.push_back({"delivery_status", "invoice.delivery_status_invalid", "One of sent, delivered, bounced."});
  }
  if (!OneOf(kDeliveryChannels, in.channel)) {
    errors.push_back({"channel", "invoice.delivery_channel_invalid", "One of email, post, portal, hand."});
  }
  if (in.to.empty()) errors.push_back({"delivered_to", "invoice.recipient_required", "To whom was it sent?"});
  if (!errors.empty()) {
    std::string code = errors.front().code;
    return Error::Invalid(std::move(code), "The delivery has errors; see the fields.", std::move(errors));
  }
  const Date today = Today();
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const InvoiceRecord before = TRY(LoadInvoice(c, caller.ClientScope(), id, today));
    if (before.invoice.status != InvoiceStatus::kIssued) {
      return ConflictAt("invoice.not_issued", "status", "Issue the invoice before sending it.");
    }
    if (before.version != expected_version) return StaleVersion("invoice");
    TRY(InsertDelivery(c, before, in, caller.name));
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, id, today));
    TRY(Audit(c, caller, request_id, "delivery", before, saved));
    return saved;
  });
}

Result<InvoiceRecord> AgencyService::RecordPayment(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                   const PaymentInput& in, const std::string& request_id) {
  const Date today = Today();
  if (in.received_on && *in.received_on > today) {
    return InvalidAt("invoice.payment_in_future", "received_on", "A payment is recorded once it has arrived.");
  }
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const InvoiceRecord before = TRY(LoadInvoice(c, caller.ClientScope(), id, today));
    const Money amount(in.amount, before.invoice.currency);
    const Money owed = ComputeInvoiceTotals(before.invoice).total - before.credited;
    TRY(CheckPayment(before.invoice, owed, before.paid, amount));
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_invoices SET paid = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
        {(before.paid + amount).amount().ToString(), store::NowText(), id, expected_version}));
    if (changed == 0) return StaleVersion("invoice");
    TRY(c.Execute("INSERT INTO agency_invoice_payments (client_id, invoice_id, received_on, amount, currency, "
                  "reference, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {before.client_id, id, in.received_on.value_or(today).ToString(), amount.amount().ToString(),
                   amount.currency(), in.reference, caller.name, store::NowText()}));
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, id, today));
    TRY(Audit(c, caller, request_id, "payment", before, saved));
    return saved;
  });
}

}  // namespace concord::agency
