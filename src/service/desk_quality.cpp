// Quality reviews: the sample of solved cases to review, scorecards (one per case, audited), their list,
// export and report.
#include "service/desk.h"

namespace concord::service {
namespace {

nlohmann::json AuditView(const Scorecard& s) {
  nlohmann::json j = ToJson(s);
  j.erase("case_subject");  // the case's own text stays on the case
  return j;
}

// Every scorecard the query matches, page by page.
template <class F>
Status EachScorecard(store::Connection& conn, ScorecardListQuery query, F visit) {
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  for (;;) {
    const ScorecardPage page = TRY(ListScorecards(conn, query));
    for (const Scorecard& s : page.items) visit(s);
    if (static_cast<int>(page.items.size()) < query.limit) return {};
    query.after_key = page.sort_keys.back();
    query.after_id = page.items.back().id;
  }
}

}  // namespace

Result<std::vector<SolvedCase>> ServiceDesk::QualitySample(const std::string& from, const std::string& to,
                                                           int per_agent, const std::string& seed) {
  auto conn = TRY(db_.Acquire());
  const std::vector<SolvedCase> solved = TRY(SolvedCases(*conn, from, to));
  std::vector<SampleCandidate> candidates;
  for (const auto& c : solved) candidates.push_back({c.case_id, c.agent_id});
  std::map<int64_t, const SolvedCase*> by_id;
  for (const auto& c : solved) by_id[c.case_id] = &c;
  std::vector<SolvedCase> out;
  for (const auto& pick : DrawSample(candidates, per_agent, seed)) out.push_back(*by_id.at(pick.case_id));
  return out;
}

Result<ScorecardPage> ServiceDesk::Scorecards(const ScorecardListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListScorecards(*conn, query);
}

Result<Scorecard> ServiceDesk::GetScorecard(int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadScorecard(*conn, id);
}

Result<Scorecard> ServiceDesk::ReviewCase(const auth::Principal& caller, int64_t case_id, const Ratings& ratings,
                                          const std::string& comment, const std::string& request_id) {
  const int total = TRY(ScorePercent(DefaultCriteria(), ratings));
  return db_.Transact<Scorecard>([&](store::Connection& conn) -> Result<Scorecard> {
    const Case c = TRY(LoadCase(conn, CaseScope{}, case_id));
    if (c.status != "solved" && c.status != "closed")
      return Error::Invalid("scorecard.case_not_solved", "Only solved or closed cases are reviewed.",
                            {{"case_id", "scorecard.case_not_solved", "Case #" + std::to_string(c.id) + " is " + c.status + "."}});
    if (!c.assignee_id)
      return Error::Invalid("scorecard.no_agent", "The case has no assignee to review.",
                            {{"case_id", "scorecard.no_agent", "Assign the case to the agent who handled it first."}});
    if (TRY(ScorecardOfCase(conn, case_id)))
      return Error::Conflict("scorecard.exists", "This case has been reviewed already; edit its scorecard.");
    Scorecard s;
    s.case_id = case_id;
    s.agent_id = c.assignee_id;
    s.queue_id = c.queue_id;
    s.reviewer_id = caller.user_id;
    s.criteria = DefaultCriteria();
    s.ratings = ratings;
    s.total_pct = total;
    s.comment = comment;
    s.created_at = s.updated_at = now_().ToString();
    s.id = TRY(InsertScorecard(conn, s));
    Scorecard saved = TRY(LoadScorecard(conn, s.id));
    TRY(audit::Append(conn, caller.Actor(request_id),
                      {"case_scorecard", std::to_string(saved.id), std::nullopt, "create", nullptr, AuditView(saved)}));
    return saved;
  });
}

Result<Scorecard> ServiceDesk::ReviseScorecard(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                               const Ratings& ratings, const std::string& comment,
                                               const std::string& request_id) {
  return db_.Transact<Scorecard>([&](store::Connection& conn) -> Result<Scorecard> {
    const Scorecard before = TRY(LoadScorecard(conn, id));
    Scorecard s = before;
    s.total_pct = TRY(ScorePercent(s.criteria, ratings));  // scored on the form it was filled on
    s.ratings = ratings;
    s.comment = comment;
    s.reviewer_id = caller.user_id;
    s.updated_at = now_().ToString();
    TRY(UpdateScorecard(conn, s, expected_version));
    Scorecard saved = TRY(LoadScorecard(conn, id));
    TRY(audit::Append(conn, caller.Actor(request_id),
                      {"case_scorecard", std::to_string(id), std::nullopt, "update", AuditView(before), AuditView(saved)}));
    return saved;
  });
}

Result<io::Table> ServiceDesk::ScorecardTable(ScorecardListQuery query) {
  io::Table table{"Scorecards", {"id", "case_id", "subject", "agent", "queue", "reviewer", "solved_at", "total_pct"}, {}};
  for (const auto& c : DefaultCriteria()) table.columns.push_back(c.key);
  table.columns.insert(table.columns.end(), {"comment", "reviewed_at"});
  auto conn = TRY(db_.Acquire());
  TRY(EachScorecard(*conn, std::move(query), [&](const Scorecard& s) {
    std::vector<std::string> row = {std::to_string(s.id), std::to_string(s.case_id), s.case_subject, s.agent_name,
                                    s.queue_name, s.reviewer_name, s.solved_at, std::to_string(s.total_pct)};
    for (const auto& c : DefaultCriteria()) {
      auto it = s.ratings.find(c.key);
      row.push_back(it != s.ratings.end() && it->second ? std::to_string(*it->second) : "n/a");
    }
    row.insert(row.end(), {s.comment, s.created_at});
    table.rows.push_back(std::move(row));
  }));
  return table;
}

Result<QualityReport> ServiceDesk::QualityReportFor(ScorecardListQuery query, const std::string& dimension) {
  auto conn = TRY(db_.Acquire());
  std::vector<ScorecardFact> facts;
  TRY(EachScorecard(*conn, std::move(query), [&](const Scorecard& s) {
    facts.push_back({s.agent_name, s.queue_name, Instant::Parse(s.solved_at).value_or(Instant()).UtcDate(), s.total_pct});
  }));
  return SummarizeQuality(facts, dimension);
}

}  // namespace concord::service
