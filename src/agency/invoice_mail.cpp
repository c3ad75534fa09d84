// E-mailing an issued invoice: its PDF goes to the client's billing contact (or the address given) through
// the platform's outbox, queued in the same transaction as the delivery it is recorded as.
#include "agency/billing_contact.h"
#include "agency/loaders.h"
#include "agency/loe.h"
#include "audit/audit.h"
#include "mail/outbox.h"

namespace concord::agency {
namespace {

Result<std::string> RecipientOf(store::Connection& c, int64_t client_id, const std::optional<std::string>& to) {
  if (to && !to->empty()) return *to;
  std::vector<ContactCandidate> contacts;
  for (const auto& r : TRY(c.Query("SELECT name, role, email, is_primary FROM contacts WHERE client_id = ? ORDER BY id",
                                   {client_id}))) {
    contacts.push_back({r.Text(0), r.Text(1), r.Text(2), r.Bool(3)});
  }
  return TRY(BillingContactOf(contacts)).email;
}

std::string Body(const InvoiceRecord& rec, const std::string& note) {
  const Invoice& inv = rec.invoice;
  const InvoiceTotals t = ComputeInvoiceTotals(inv);
  std::string text = "Please find attached " + std::string(inv.kind == InvoiceKind::kCreditNote ? "credit note " : "invoice ") +
                     inv.number + " for job " + inv.job_number + ": " + inv.currency + " " + t.total.amount().ToString();
  if (inv.due_date && inv.kind == InvoiceKind::kInvoice) text += ", due " + inv.due_date->ToString();
  text += ".\n";
  if (!note.empty()) text += "\n" + note + "\n";
  return text;
}

}  // namespace

Result<InvoiceRecord> AgencyService::EmailInvoice(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                  const EmailInput& in, const std::string& request_id) {
  const Date today = Today();
  return db_.Transact<InvoiceRecord>([&](store::Connection& c) -> Result<InvoiceRecord> {
    const InvoiceRecord before = TRY(LoadInvoice(c, caller.ClientScope(), id, today));
    if (before.invoice.status != InvoiceStatus::kIssued) {
      return ConflictAt("invoice.not_issued", "status", "Issue the invoice before sending it.");
    }
    if (before.version != expected_version) return StaleVersion("invoice");
    const std::string to = TRY(RecipientOf(c, before.client_id, in.to));
    const RenderedDocument pdf = TRY(RenderInvoiceDocument(before));
    mail::Message message;
    message.to = {to};
    message.subject = (before.invoice.kind == InvoiceKind::kCreditNote ? "Credit note " : "Invoice ") +
                      before.invoice.number;
    message.text = Body(before, in.note);
    message.attachments.push_back({pdf.file_name, pdf.content_type, pdf.bytes});
    message.purpose = "invoice";
    message.entity = "agency_invoice";
    message.entity_id = std::to_string(id);
    message.client_id = before.client_id;
    message.created_by = caller.user_id;
    const int64_t outbox_id = TRY(mail::Enqueue(c, caller.Actor(request_id), message));
    TRY(InsertDelivery(c, before, {"email", "queued", to, in.note, outbox_id}, caller.name));
    InvoiceRecord saved = TRY(LoadInvoice(c, std::nullopt, id, today));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_invoice", std::to_string(id), saved.client_id, "email",
                                                    ToJson(before), ToJson(saved)}));
    return saved;
  });
}

}  // namespace concord::agency
