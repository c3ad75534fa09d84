// Quality scorecards: the store. A scorecard reviews one solved case (at most one per case) and keeps
// the form as it was filled (criteria, weights, ratings), so a later change of the form leaves old
// reviews as scored. Internal only: no client scope applies, portal roles never reach these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/quality.h"
#include "store/db.h"

namespace concord::service {

struct Scorecard {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string case_subject;
  std::optional<int64_t> agent_id;  // the case's assignee when reviewed
  std::string agent_name;
  std::optional<int64_t> queue_id;
  std::string queue_name;
  std::optional<int64_t> reviewer_id;
  std::string reviewer_name;
  std::vector<QualityCriterion> criteria;  // the form as filled
  Ratings ratings;
  int total_pct = 0;
  std::string comment;
  std::string solved_at;
  std::string created_at, updated_at;
  int64_t version = 1;
};
nlohmann::json ToJson(const Scorecard& s);

struct ScorecardListQuery {
  std::optional<std::string> q;  // case subject or number, agent or reviewer name
  std::optional<int64_t> agent_id, queue_id, reviewer_id;
  std::optional<std::string> from, to;  // the case's solve, [from, to)
  std::optional<int64_t> min_pct, max_pct;
  std::string sort = "created_at";  // created_at, solved_at, total_pct, agent
  bool descending = true;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

struct ScorecardPage {
  std::vector<Scorecard> items;
  std::vector<std::string> sort_keys;
  int64_t total = 0;
};

Result<ScorecardPage> ListScorecards(store::Connection& conn, const ScorecardListQuery& query);
Result<Scorecard> LoadScorecard(store::Connection& conn, int64_t id);
Result<std::optional<int64_t>> ScorecardOfCase(store::Connection& conn, int64_t case_id);
Result<int64_t> InsertScorecard(store::Connection& conn, const Scorecard& s);
Status UpdateScorecard(store::Connection& conn, const Scorecard& s, int64_t expected_version);

// A solved case that may be sampled, with what the sample screen shows.
struct SolvedCase {
  int64_t case_id = 0;
  std::string subject;
  int64_t agent_id = 0;
  std::string agent_name;
  std::string queue_name;
  std::string solved_at;
  std::optional<int64_t> scorecard_id;
  std::optional<int> total_pct;
};
// Solved or closed cases (not merged) with an assignee, solved in [from, to).
Result<std::vector<SolvedCase>> SolvedCases(store::Connection& conn, const std::string& from, const std::string& to);

}  // namespace concord::service
