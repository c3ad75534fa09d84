#include "service/report.h"

#include <algorithm>
#include <cmath>

namespace concord::service {
namespace {

bool IsOpen(const std::string& status) { return status != "solved" && status != "closed"; }

void Add(ReportLine& line, const CaseFacts& c) {
  ++line.cases;
  if (!IsOpen(c.status)) {
    ++line.solved;
    if (c.agent_contacts == 1) ++line.first_contact;
  }
  if (c.sla_state == "met") ++line.met;
  if (c.sla_state == "breached") ++line.breached;
  if (c.handle_seconds > 0) {
    line.handle_seconds += c.handle_seconds;
    ++line.contacts_timed;
  }
  if (c.satisfaction) {
    ++line.surveys_answered;
    line.satisfaction_points += *c.satisfaction;
  }
}

std::optional<double> Pct(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return std::round(1000.0 * part / whole) / 10.0;  // one decimal
}

nlohmann::json Opt(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json LineJson(const ReportLine& l) {
  return {{"key", l.key},
          {"cases", l.cases},
          {"solved", l.solved},
          {"sla_met", l.met},
          {"sla_breached", l.breached},
          {"sla_attainment_pct", Opt(l.AttainmentPct())},
          {"first_contact_resolution_pct", Opt(l.FirstContactPct())},
          {"avg_handle_s", l.contacts_timed ? nlohmann::json(l.handle_seconds / l.contacts_timed) : nlohmann::json()},
          {"avg_satisfaction", Opt(l.AverageSatisfaction())}};
}

nlohmann::json Pairs(const std::vector<std::pair<std::string, int>>& pairs, const char* key) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, v] : pairs) out.push_back({{key, k}, {"cases", v}});
  return out;
}

std::string Cell(std::optional<double> v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

}  // namespace

std::optional<double> ReportLine::AttainmentPct() const { return Pct(met, met + breached); }
std::optional<double> ReportLine::FirstContactPct() const { return Pct(first_contact, solved); }
std::optional<double> ReportLine::AverageSatisfaction() const {
  if (surveys_answered == 0) return std::nullopt;
  return std::round(100.0 * static_cast<double>(satisfaction_points) / surveys_answered) / 100.0;
}

Dashboard Summarize(const std::vector<CaseFacts>& cases, const std::string& dimension, Instant now,
                    const std::map<std::string, int>& breaches_by_metric) {
  Dashboard d;
  d.total.key = "all";
  std::map<std::string, ReportLine> by;
  std::map<std::string, int> per_day;
  const std::vector<std::pair<std::string, int64_t>> buckets = {
      {"<1d", 1}, {"1-3d", 3}, {"3-7d", 7}, {"7-14d", 14}, {">14d", INT64_MAX}};
  std::vector<int> backlog(buckets.size(), 0);
  for (const CaseFacts& c : cases) {
    Add(d.total, c);
    std::string key = dimension == "agent" ? c.agent : dimension == "client" ? c.client : c.queue;
    if (key.empty()) key = dimension == "agent" ? "(unassigned)" : "(none)";
    by[key].key = key;
    Add(by[key], c);
    ++per_day[c.created_at.UtcDate().ToString()];
    if (IsOpen(c.status)) {
      const int64_t age_days = (now - c.created_at).count() / 86400;
      for (size_t i = 0; i < buckets.size(); ++i) {
        if (age_days < buckets[i].second) {
          ++backlog[i];
          break;
        }
      }
    }
  }
  for (auto& [k, line] : by) d.by.push_back(line);
  std::stable_sort(d.by.begin(), d.by.end(), [](const ReportLine& a, const ReportLine& b) { return a.cases > b.cases; });
  for (size_t i = 0; i < buckets.size(); ++i) d.backlog_by_age.emplace_back(buckets[i].first, backlog[i]);
  for (const auto& [day, n] : per_day) d.created_per_day.emplace_back(day, n);
  for (const auto& [metric, n] : breaches_by_metric) d.breaches_by_metric.emplace_back(metric, n);
  return d;
}

nlohmann::json ToJson(const Dashboard& d) {
  nlohmann::json by = nlohmann::json::array();
  for (const auto& l : d.by) by.push_back(LineJson(l));
  return {{"total", LineJson(d.total)},
          {"by", by},
          {"backlog_by_age", Pairs(d.backlog_by_age, "age")},
          {"created_per_day", Pairs(d.created_per_day, "day")},
          {"breaches_by_metric", Pairs(d.breaches_by_metric, "metric")}};
}

io::Table DashboardTable(const Dashboard& d, const std::string& dimension) {
  io::Table t{"Service " + dimension,
              {dimension, "cases", "solved", "sla_met", "sla_breached", "sla_attainment_pct",
               "first_contact_resolution_pct", "avg_handle_s", "avg_satisfaction"},
              {}};
  std::vector<ReportLine> lines = d.by;
  lines.push_back(d.total);
  for (const ReportLine& l : lines) {
    t.rows.push_back({l.key, std::to_string(l.cases), std::to_string(l.solved), std::to_string(l.met),
                      std::to_string(l.breached), Cell(l.AttainmentPct()), Cell(l.FirstContactPct()),
                      l.contacts_timed ? std::to_string(l.handle_seconds / l.contacts_timed) : "",
                      Cell(l.AverageSatisfaction())});
  }
  return t;
}

}  // namespace concord::service
