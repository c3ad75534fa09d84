#include "service/quality_store.h"

#include "service/store_rows.h"
#include "store/sql.h"

namespace concord::service {
namespace {

constexpr const char* kColumns =
    "s.id, s.case_id, c.subject, s.agent_id, COALESCE(a.name, ''), s.queue_id, COALESCE(q.name, ''), s.reviewer_id, "
    "COALESCE(r.name, ''), s.scores, s.total_pct, s.comment, COALESCE(c.solved_at, ''), s.created_at, s.updated_at, "
    "s.version";
constexpr const char* kFrom =
    " FROM case_scorecards s JOIN cases c ON c.id = s.case_id LEFT JOIN users a ON a.id = s.agent_id "
    "LEFT JOIN service_queues q ON q.id = s.queue_id LEFT JOIN users r ON r.id = s.reviewer_id";

// The form as filled: [{key, label, weight, rating (null: not applicable)}]; stored as such.
nlohmann::json FormJson(const Scorecard& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : s.criteria) {
    auto it = s.ratings.find(c.key);
    nlohmann::json rating = it != s.ratings.end() && it->second ? nlohmann::json(*it->second) : nlohmann::json();
    out.push_back({{"key", c.key}, {"label", c.label}, {"weight", c.weight}, {"rating", rating}});
  }
  return out;
}

void ReadForm(const std::string& text, Scorecard& s) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return;
  for (const auto& line : j) {
    s.criteria.push_back({line.value("key", ""), line.value("label", ""), line.value("weight", 1)});
    s.ratings[s.criteria.back().key] =
        line.contains("rating") && line["rating"].is_number_integer() ? std::optional<int>(line["rating"].get<int>())
                                                                      : std::nullopt;
  }
}

Scorecard FromRow(const store::Row& r) {
  Scorecard s;
  s.id = r.Int(0);
  s.case_id = r.Int(1);
  s.case_subject = r.Text(2);
  s.agent_id = r.OptInt(3);
  s.agent_name = r.Text(4);
  s.queue_id = r.OptInt(5);
  s.queue_name = r.Text(6);
  s.reviewer_id = r.OptInt(7);
  s.reviewer_name = r.Text(8);
  ReadForm(r.Text(9), s);
  s.total_pct = static_cast<int>(r.Int(10));
  s.comment = r.Text(11);
  s.solved_at = r.Text(12);
  s.created_at = r.Text(13);
  s.updated_at = r.Text(14);
  s.version = r.Int(15);
  return s;
}

std::string SortExpression(const std::string& sort) {
  if (sort == "solved_at") return "COALESCE(c.solved_at, '')";
  if (sort == "agent") return "LOWER(COALESCE(a.name, ''))";
  // Whole percent 0–100 as fixed-width text, so the keyset cursor compares it as text on both backends.
  if (sort == "total_pct")
    return "CASE WHEN s.total_pct >= 100 THEN '100' WHEN s.total_pct >= 10 THEN '0' || s.total_pct "
           "ELSE '00' || s.total_pct END";
  return "s.created_at";
}

}  // namespace

nlohmann::json ToJson(const Scorecard& s) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"id", s.id},
          {"case_id", s.case_id},
          {"case_subject", s.case_subject},
          {"agent_id", opt(s.agent_id)},
          {"agent_name", s.agent_name},
          {"queue_id", opt(s.queue_id)},
          {"queue_name", s.queue_name},
          {"reviewer_id", opt(s.reviewer_id)},
          {"reviewer_name", s.reviewer_name},
          {"criteria", FormJson(s)},
          {"total_pct", s.total_pct},
          {"comment", s.comment},
          {"solved_at", s.solved_at},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at},
          {"version", s.version}};
}

Result<ScorecardPage> ListScorecards(store::Connection& conn, const ScorecardListQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  if (q.q && !q.q->empty())
    AppendTextSearch(*q.q, {"c.subject", "COALESCE(a.name, '')", "COALESCE(r.name, '')"}, "s.case_id", where, params);
  auto condition = [&](const char* sql, const auto& value) {
    if (!value) return;
    where += sql;
    params.emplace_back(*value);
  };
  condition(" AND s.agent_id = ?", q.agent_id);
  condition(" AND s.queue_id = ?", q.queue_id);
  condition(" AND s.reviewer_id = ?", q.reviewer_id);
  condition(" AND c.solved_at >= ?", q.from);
  condition(" AND c.solved_at < ?", q.to);
  condition(" AND s.total_pct >= ?", q.min_pct);
  condition(" AND s.total_pct <= ?", q.max_pct);
  ScorecardPage page;
  page.total = TRY(conn.QueryOne(std::string("SELECT COUNT(*)") + kFrom + where, params)).Int(0);
  const std::string key = SortExpression(q.sort);
  std::string sql = std::string("SELECT ") + kColumns + ", " + key + " AS sort_key" + kFrom + where;
  store::AppendKeysetPage(key, "s.id", q.descending, q.after_key, q.after_id, q.limit, sql, params);
  for (const auto& row : TRY(conn.Query(sql, params))) {
    page.items.push_back(FromRow(row));
    page.sort_keys.push_back(row.Text(static_cast<int>(row.size()) - 1));
  }
  return page;
}

Result<Scorecard> LoadScorecard(store::Connection& conn, int64_t id) {
  return FromRow(TRY(conn.QueryOne(std::string("SELECT ") + kColumns + kFrom + " WHERE s.id = ?", {id},
                                   "scorecard.not_found")));
}

Result<std::optional<int64_t>> ScorecardOfCase(store::Connection& conn, int64_t case_id) {
  auto rows = TRY(conn.Query("SELECT id FROM case_scorecards WHERE case_id = ?", {case_id}));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

Result<int64_t> InsertScorecard(store::Connection& conn, const Scorecard& s) {
  auto rows = TRY(conn.Query(
      "INSERT INTO case_scorecards (case_id, reviewer_id, scores, total_pct, comment, created_at, agent_id, queue_id, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.case_id, store::Opt(s.reviewer_id), FormJson(s).dump(), int64_t{s.total_pct}, s.comment, s.created_at,
       store::Opt(s.agent_id), store::Opt(s.queue_id), s.updated_at}));
  return rows.at(0).Int(0);
}

Status UpdateScorecard(store::Connection& conn, const Scorecard& s, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE case_scorecards SET reviewer_id = ?, scores = ?, total_pct = ?, comment = ?, updated_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ?",
      {store::Opt(s.reviewer_id), FormJson(s).dump(), int64_t{s.total_pct}, s.comment, s.updated_at, s.id, expected_version}));
  if (changed == 0) return Stale("scorecard");
  return {};
}

Result<std::vector<SolvedCase>> SolvedCases(store::Connection& conn, const std::string& from, const std::string& to) {
  auto rows = TRY(conn.Query(
      "SELECT c.id, c.subject, c.assignee_id, COALESCE(u.name, ''), COALESCE(q.name, ''), c.solved_at, s.id, "
      "s.total_pct FROM cases c JOIN users u ON u.id = c.assignee_id "
      "LEFT JOIN service_queues q ON q.id = c.queue_id LEFT JOIN case_scorecards s ON s.case_id = c.id "
      "WHERE c.status IN ('solved', 'closed') AND c.merged_into_id IS NULL AND c.solved_at >= ? AND c.solved_at < ? "
      "ORDER BY c.id",
      {from, to}));
  std::vector<SolvedCase> out;
  for (const auto& r : rows) {
    SolvedCase c{r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.OptInt(6), std::nullopt};
    if (!r.IsNull(7)) c.total_pct = static_cast<int>(r.Int(7));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace concord::service
