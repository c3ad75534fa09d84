#include "agency/loe.h"

#include <fmt/format.h>

#include "pdf/pdf.h"

namespace concord::agency {
namespace {

std::string Amount(const Money& m) { return m.ToString() + " " + m.currency(); }

}  // namespace

Result<RenderedDocument> RenderLoeDocument(const Job& job, const EstimateRecord& record) {
  const Estimate& e = record.estimate;
  pdf::Document doc;
  doc.title = fmt::format("Letter of Estimate {} (revision {})", e.number, e.revision);
  doc.subtitle = job.client_name + " · " + job.number + " " + job.title;
  doc.author = "concord";
  doc.footer = e.number + " r" + std::to_string(e.revision);
  // The record's last change, not "now": the same estimate always renders to the same bytes.
  doc.created = record.updated_at;
  if (e.kind == EstimateKind::kChangeOrder) {
    doc.blocks.push_back(pdf::Paragraph{"Change order to estimate " + e.parent_number + "."});
  }
  pdf::Table lines{{"Service", "Description", "Hours", "Rate", "Cost", "Mark-up %", "Amount"}, {},
                   {pdf::Align::kLeft, pdf::Align::kLeft, pdf::Align::kRight, pdf::Align::kRight, pdf::Align::kRight,
                    pdf::Align::kRight, pdf::Align::kRight}};
  for (const auto& l : e.lines) {
    const bool labor = l.kind == LineKind::kLabor;
    lines.rows.push_back({l.service, l.description, labor ? l.hours.ToString() : "", labor ? l.rate.ToString() : "",
                          labor ? "" : l.cost.ToString(), l.markup_percent.ToString(), LineAmount(l).ToString()});
  }
  doc.blocks.push_back(pdf::Heading{"Scope and price"});
  doc.blocks.push_back(std::move(lines));
  if (!e.lines.empty() && ValidateEstimate(e).ok()) {
    const EstimateTotals t = ComputeTotals(e);
    doc.blocks.push_back(pdf::Fields{{{"Labour", Amount(t.labor)},
                                      {"Expenses", Amount(t.expenses)},
                                      {"Fixed fees", Amount(t.fees)},
                                      {"Of which mark-up", Amount(t.markup)},
                                      {"Total", Amount(t.total)}}});
  }
  doc.blocks.push_back(pdf::Heading{"Terms"});
  doc.blocks.push_back(pdf::Paragraph{e.terms.empty() ? "As agreed." : e.terms});
  std::string bytes = TRY(pdf::Render(doc));
  return RenderedDocument{std::move(bytes), "application/pdf", fmt::format("LOE-{}-r{}.pdf", e.number, e.revision)};
}


Result<RenderedDocument> RenderInvoiceDocument(const InvoiceRecord& record) {
  const Invoice& inv = record.invoice;
  const bool credit = inv.kind == InvoiceKind::kCreditNote;
  const std::string number = inv.number.empty() ? "DRAFT" : inv.number;
  pdf::Document doc;
  doc.title = std::string(credit ? "Credit note " : "Invoice ") + number;
  doc.subtitle = "Job " + inv.job_number;
  doc.author = "concord";
  doc.footer = number;
  doc.created = record.updated_at;
  pdf::Fields head{{{"Number", number},
                    {"Issue date", inv.issue_date ? inv.issue_date->ToString() : "not issued"},
                    {"Due date", inv.due_date ? inv.due_date->ToString() : ""}}};
  if (credit) head.rows.push_back({"Credits invoice", inv.credited_invoice_number});
  doc.blocks.push_back(std::move(head));
  pdf::Table lines{{"Description", "Quantity", "Unit", "Unit price", "Amount"}, {},
                   {pdf::Align::kLeft, pdf::Align::kRight, pdf::Align::kLeft, pdf::Align::kRight, pdf::Align::kRight}};
  for (const auto& l : inv.lines) {
    lines.rows.push_back({l.description, l.quantity.ToString(), l.unit, l.unit_price.ToString(), l.amount.ToString()});
  }
  doc.blocks.push_back(std::move(lines));
  const InvoiceTotals t = ComputeInvoiceTotals(inv);
  doc.blocks.push_back(pdf::Fields{{{"Subtotal", Amount(t.subtotal)},
                                    {"Tax " + inv.tax_percent.ToString() + " %", Amount(t.tax)},
                                    {"Total", Amount(t.total)}}});
  std::string bytes = TRY(pdf::Render(doc));
  return RenderedDocument{std::move(bytes), "application/pdf", number + ".pdf"};
}

}  // namespace concord::agency
