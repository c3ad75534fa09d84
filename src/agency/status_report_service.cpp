// Status reports per job: pre-filled from the previous one, figures frozen when created, recorded as sent.
#include "agency/loaders.h"
#include "agency/meetings.h"
#include "audit/audit.h"
#include "pdf/pdf.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kColumns =
    "r.id, r.client_id, r.job_id, j.number, j.title, r.status, r.progress, r.budget, r.actual, r.currency, "
    "r.narrative, r.milestones, r.moved, r.sent_at, r.sent_to, r.author, r.version, r.created_at";

const ListSpec kReports{"agency_status_reports r JOIN agency_jobs j ON j.id = r.job_id", "r.id", "r.client_id", {},
                        {{"id", "r.id"}}, {}};

StatusReport FromRow(const store::Row& r) {
  StatusReport s;
  s.id = r.Int(0);
  s.client_id = r.Int(1);
  s.job_id = r.Int(2);
  s.job_number = r.Text(3);
  s.job_title = r.Text(4);
  s.status = r.Text(5);
  s.progress = static_cast<int>(r.Int(6));
  s.budget = MoneyOf(r.Text(7), r.Text(9));
  s.actual = MoneyOf(r.Text(8), r.Text(9));
  s.narrative = r.Text(10);
  s.milestones = MilestonesFromJson(nlohmann::json::parse(r.Text(11), nullptr, false));
  s.moved = MovedFromJson(nlohmann::json::parse(r.Text(12), nullptr, false));
  s.sent_at = r.OptText(13);
  s.sent_to = r.Text(14);
  s.author = r.Text(15);
  s.version = r.Int(16);
  s.created_at = r.Text(17);
  return s;
}

Result<std::optional<StatusReport>> Previous(store::Connection& conn, int64_t job_id) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kColumns + " FROM " + kReports.from +
                                 " WHERE r.job_id = ? ORDER BY r.id DESC LIMIT 1",
                             {job_id}));
  if (rows.empty()) return std::optional<StatusReport>();
  return std::optional<StatusReport>(FromRow(rows.front()));
}

}  // namespace

nlohmann::json MilestonesJson(const std::vector<MilestoneDate>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : list) out.push_back({{"name", m.name}, {"due", m.due.ToString()}});
  return out;
}

nlohmann::json MovedJson(const std::vector<MovedMilestone>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : list) {
    out.push_back({{"name", m.name}, {"was", m.was ? nlohmann::json(m.was->ToString()) : nullptr},
                   {"now", m.now.ToString()}});
  }
  return out;
}

std::vector<MilestoneDate> MilestonesFromJson(const nlohmann::json& list) {
  std::vector<MilestoneDate> out;
  if (!list.is_array()) return out;
  for (const auto& m : list) {
    if (auto due = OptDate(m.value("due", ""))) out.push_back({m.value("name", ""), *due});
  }
  return out;
}

std::vector<MovedMilestone> MovedFromJson(const nlohmann::json& list) {
  std::vector<MovedMilestone> out;
  if (!list.is_array()) return out;
  for (const auto& m : list) {
    auto now = OptDate(m.value("now", ""));
    if (!now) continue;
    out.push_back({m.value("name", ""), m["was"].is_string() ? OptDate(m["was"].get<std::string>()) : std::nullopt,
                   *now});
  }
  return out;
}

Result<StatusReport> MeetingService::DraftStatusReport(const auth::Principal& caller, int64_t job_id) {
  const JobView view = TRY(agency_.GetJob(caller, job_id));
  auto conn = TRY(db_.Acquire());
  const auto previous = TRY(Previous(*conn, job_id));
  StatusReport s;
  s.client_id = view.job.client_id;
  s.job_id = job_id;
  s.job_number = view.job.number;
  s.job_title = view.job.title;
  s.budget = view.budget.amount;
  s.actual = view.actual;
  for (const auto& m : view.job.milestones) s.milestones.push_back({m.name, m.due});
  if (previous) {
    s.status = previous->status;
    s.progress = previous->progress;
    s.narrative = previous->narrative;
  }
  s.moved = MilestonesMoved(previous ? std::optional(previous->milestones) : std::nullopt, s.milestones);
  s.author = caller.name;
  return s;
}

Result<StatusReport> MeetingService::CreateStatusReport(const auth::Principal& caller, int64_t job_id,
                                                        const StatusReportInput& in, const std::string& request_id) {
  TRY(CheckReportStatus(in.status));
  TRY(CheckProgress(in.progress));
  StatusReport s = TRY(DraftStatusReport(caller, job_id));
  s.status = in.status;
  s.progress = in.progress;
  if (in.narrative) s.narrative = *in.narrative;
  return db_.Transact<StatusReport>([&](store::Connection& c) -> Result<StatusReport> {
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_status_reports (client_id, job_id, status, progress, budget, actual, currency, narrative, "
        "milestones, moved, author, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
        {s.client_id, job_id, s.status, int64_t{s.progress}, s.budget.amount().ToString(), s.actual.amount().ToString(),
         s.budget.currency(), s.narrative, MilestonesJson(s.milestones).dump(), MovedJson(s.moved).dump(), s.author,
         store::NowText()}));
    const StatusReport saved = FromRow(TRY(LoadRow(c, std::nullopt, kReports, kColumns, row.Int(0), "status_report")));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_status_report", std::to_string(saved.id), saved.client_id,
                                                    "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<std::vector<StatusReport>> MeetingService::StatusReports(const auth::Principal& caller, int64_t job_id) {
  TRY(agency_.GetJob(caller, job_id));
  auto conn = TRY(db_.Acquire());
  std::vector<StatusReport> out;
  for (const auto& r : TRY(conn->Query(std::string("SELECT ") + kColumns + " FROM " + kReports.from +
                                           " WHERE r.job_id = ? ORDER BY r.id DESC",
                                       {job_id}))) {
    out.push_back(FromRow(r));
  }
  return out;
}

Result<StatusReport> MeetingService::GetStatusReport(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return FromRow(TRY(LoadRow(*conn, caller.ClientScope(), kReports, kColumns, id, "status_report")));
}

Result<StatusReport> MeetingService::MarkStatusReportSent(const auth::Principal& caller, int64_t id,
                                                          int64_t expected_version, const std::string& to,
                                                          const std::string& request_id) {
  return db_.Transact<StatusReport>([&](store::Connection& c) -> Result<StatusReport> {
    const StatusReport before = FromRow(TRY(LoadRow(c, caller.ClientScope(), kReports, kColumns, id, "status_report")));
    if (to.empty()) return InvalidAt("status_report.recipient_required", "sent_to", "Who was it sent to?");
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_status_reports SET sent_at = ?, sent_to = ?, version = version + 1 WHERE id = ? AND version = ?",
        {store::NowText(), to, id, expected_version}));
    if (changed == 0) return StaleVersion("status report");
    const StatusReport saved = FromRow(TRY(LoadRow(c, std::nullopt, kReports, kColumns, id, "status_report")));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_status_report", std::to_string(id), saved.client_id,
                                                    "send", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

nlohmann::json ToJson(const StatusReport& s) {
  return {{"id", s.id},
          {"client_id", s.client_id},
          {"job_id", s.job_id},
          {"job_number", s.job_number},
          {"job_title", s.job_title},
          {"status", s.status},
          {"progress", s.progress},
          {"budget", s.budget.amount().ToString()},
          {"actual", s.actual.amount().ToString()},
          {"currency", s.budget.currency()},
          {"narrative", s.narrative},
          {"milestones", MilestonesJson(s.milestones)},
          {"milestones_moved", MovedJson(s.moved)},
          {"sent_at", s.sent_at ? nlohmann::json(*s.sent_at) : nullptr},
          {"sent_to", s.sent_to},
          {"author", s.author},
          {"version", s.version},
          {"created_at", s.created_at}};
}

io::Table StatusReportTable(const StatusReport& s) {
  io::Table t{"Status report", {"item", "value"}, {}};
  t.rows = {{"Job", s.job_number + " " + s.job_title},
            {"Status", s.status},
            {"Progress %", std::to_string(s.progress)},
            {"Budget", s.budget.ToString() + " " + s.budget.currency()},
            {"Actual", s.actual.ToString() + " " + s.actual.currency()},
            {"Narrative", s.narrative},
            {"Reported by", s.author},
            {"Reported at", s.created_at}};
  for (const auto& m : s.moved) {
    t.rows.push_back({"Milestone moved: " + m.name, (m.was ? m.was->ToString() : std::string("new")) + " -> " +
                                                        m.now.ToString()});
  }
  for (const auto& m : s.milestones) t.rows.push_back({"Milestone: " + m.name, m.due.ToString()});
  return t;
}

Result<RenderedDocument> StatusReportDocument(const StatusReport& s) {
  pdf::Document doc;
  doc.title = "Status report: " + s.job_number + " " + s.job_title;
  doc.subtitle = s.created_at.substr(0, 10) + " · " + s.author;
  doc.author = "concord";
  doc.footer = s.job_number;
  doc.created = s.created_at;
  const io::Table table = StatusReportTable(s);
  pdf::Fields fields;
  for (const auto& row : table.rows) {
    if (row[0] != "Narrative") fields.rows.emplace_back(row[0], row[1]);
  }
  doc.blocks.push_back(std::move(fields));
  doc.blocks.push_back(pdf::Heading{"Narrative"});
  doc.blocks.push_back(pdf::Paragraph{s.narrative.empty() ? "-" : s.narrative});
  std::string bytes = TRY(pdf::Render(doc));
  return RenderedDocument{std::move(bytes), "application/pdf",
                          "status-report-" + s.job_number + "-" + std::to_string(s.id) + ".pdf"};
}

}  // namespace concord::agency
