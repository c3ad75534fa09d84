// The account status report as the client receives it (PDF) and as one sheet (XLSX/CSV): every live job
// with its health, progress and budget against actual, the milestones moved since the last report, and the
// narrative.
#include "agency/account_reports.h"
#include "pdf/pdf.h"

namespace concord::agency {
namespace {

std::string Used(const AccountReportLine& l) {
  const auto share = BudgetUsedPercent(l.budget, l.actual);
  return share ? share->ToString() + "%" : "-";
}

std::string Moves(const AccountReportLine& l) {
  std::string out;
  for (const auto& m : l.moved) {
    out += (out.empty() ? "" : "; ") + m.name + ": " + (m.was ? m.was->ToString() : std::string("new")) + " -> " +
           m.now.ToString();
  }
  return out;
}

std::string Health(const std::string& health) {
  std::string out = health;
  for (char& ch : out) ch = ch == '_' ? ' ' : ch;
  return out;
}

std::string Day(const AccountReport& r) { return r.sent_at.value_or(r.created_at).substr(0, 10); }

}  // namespace

io::Table AccountReportTable(const AccountReport& r) {
  io::Table t{"Status report",
              {"job", "title", "job_status", "health", "progress_percent", "budget", "actual", "currency",
               "budget_used", "milestones_moved"},
              {}};
  for (const auto& l : r.lines) {
    t.rows.push_back({l.number, l.title, l.job_status, l.health, std::to_string(l.progress),
                      l.budget.ToString(), l.actual.ToString(), l.budget.currency(), Used(l),
                      Moves(l)});
  }
  return t;
}

Result<RenderedDocument> AccountReportDocument(const AccountReport& r) {
  pdf::Document doc;
  doc.title = "Status report: " + r.client_name;
  doc.subtitle = Day(r) + " · " + r.author;
  doc.author = "concord";
  doc.footer = r.client_name + " · status report " + std::to_string(r.id);
  doc.created = r.sent_at.value_or(r.created_at);
  pdf::Table jobs{{"Job", "Status", "Health", "Progress", "Budget", "Actual", "Used"},
                  {},
                  {pdf::Align::kLeft, pdf::Align::kLeft, pdf::Align::kLeft, pdf::Align::kRight, pdf::Align::kRight,
                   pdf::Align::kRight, pdf::Align::kRight}};
  pdf::Table moved{{"Job", "Milestone", "Was", "Now"}, {}, {}};
  for (const auto& l : r.lines) {
    jobs.rows.push_back({l.number + " " + l.title, Health(l.job_status), Health(l.health),
                         std::to_string(l.progress) + "%", l.budget.ToString() + " " + l.budget.currency(),
                         l.actual.ToString() + " " + l.actual.currency(), Used(l)});
    for (const auto& m : l.moved) {
      moved.rows.push_back({l.number, m.name, m.was ? m.was->ToString() : "new", m.now.ToString()});
    }
  }
  doc.blocks.push_back(pdf::Heading{"Jobs"});
  if (r.lines.empty()) doc.blocks.push_back(pdf::Paragraph{"No live jobs."});
  else doc.blocks.push_back(std::move(jobs));
  doc.blocks.push_back(pdf::Heading{"Milestones moved since the last report"});
  if (moved.rows.empty()) doc.blocks.push_back(pdf::Paragraph{"None."});
  else doc.blocks.push_back(std::move(moved));
  doc.blocks.push_back(pdf::Heading{"Narrative"});
  doc.blocks.push_back(pdf::Paragraph{r.narrative.empty() ? "-" : r.narrative});
  std::string bytes = TRY(pdf::Render(doc));
  return RenderedDocument{std::move(bytes), "application/pdf",
                          "status-report-" + std::to_string(r.client_id) + "-" + Day(r) + ".pdf"};
}

}  // namespace concord::agency
