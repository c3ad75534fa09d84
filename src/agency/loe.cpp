#include "agency/loe.h"

#include <fmt/format.h>

namespace concord::agency {

Result<RenderedDocument> RenderLoeDocument(const Job& job, const EstimateRecord& record) {
  const Estimate& e = record.estimate;
  std::string out = fmt::format("LETTER OF ESTIMATE {} revision {}{}\n", e.number, e.revision,
                                e.kind == EstimateKind::kChangeOrder ? " (change order to " + e.parent_number + ")" : "");
  out += fmt::format("Client: {}\nJob: {} {}\nCurrency: {}\n\n", job.client_name, job.number, job.title, e.currency);
  out += "Service | Description | Hours | Rate | Cost | Mark-up % | Amount\n";
  for (const auto& l : e.lines) {
    const bool labor = l.kind == LineKind::kLabor;
    out += fmt::format("{} | {} | {} | {} | {} | {} | {}\n", l.service, l.description, labor ? l.hours.ToString() : "",
                       labor ? l.rate.ToString() : "", labor ? "" : l.cost.ToString(), l.markup_percent.ToString(),
                       LineAmount(l).ToString());
  }
  if (auto valid = ValidateEstimate(e); valid.ok()) {
    const EstimateTotals t = ComputeTotals(e);
    out += fmt::format("\nLabour: {}\nExpenses: {}\nOf which mark-up: {}\nTotal: {} {}\n", t.labor.ToString(),
                       t.expenses.ToString(), t.markup.ToString(), t.total.ToString(), e.currency);
  }
  out += "\nTerms:\n" + e.terms + "\n";
  return RenderedDocument{std::move(out), "text/plain; charset=utf-8",
                          fmt::format("LOE-{}-r{}.txt", e.number, e.revision)};
}

}  // namespace concord::agency
