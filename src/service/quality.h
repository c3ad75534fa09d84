// Quality reviews of solved cases (pure rules): the scorecard's criteria and its score, the reproducible
// random sample of each agent's solved cases a reviewer works through, and the report over scorecards.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"

namespace concord::service {

// One line of the form: rated 0 (not done) to kMaxRating (exemplary), or not applicable.
struct QualityCriterion {
  std::string key;
  std::string label;
  int weight = 1;
};
inline constexpr int kMaxRating = 4;

// The desk's form: what a support-centre quality review checks on a handled case.
const std::vector<QualityCriterion>& DefaultCriteria();

// A rating per criterion key; nullopt marks "not applicable" (left out of the score).
using Ratings = std::map<std::string, std::optional<int>>;

// The weighted score in whole percent: Σ wᵢ·rᵢ / Σ wᵢ·kMaxRating over the applicable criteria, rounded
// half up. Every criterion must be present; an unknown key, a rating outside 0..kMaxRating or a form
// where nothing applies is an error naming the field ("scores.<key>").
Result<int> ScorePercent(const std::vector<QualityCriterion>& criteria, const Ratings& ratings);

// A solved case that may be drawn for review.
struct SampleCandidate {
  int64_t case_id = 0;
  int64_t agent_id = 0;
};

// Up to `per_agent` cases of each agent, drawn at random but reproducibly: every case is ranked by a hash
// of (seed, case id) and each agent's lowest ranks are taken. The same seed and cases give the same
// sample; one agent's cases never change another's draw. Sorted by agent, then case id.
std::vector<SampleCandidate> DrawSample(std::vector<SampleCandidate> candidates, int per_agent,
                                        const std::string& seed);

// The hash behind the draw (exposed to test against the published reference values).
uint64_t Fnv1a64(const std::string& text);
uint64_t SplitMix64(uint64_t state);

// One stored scorecard, as the report reads it.
struct ScorecardFact {
  std::string agent;
  std::string queue;
  Date solved_on;
  int total_pct = 0;
};

struct QualityLine {
  std::string key;
  int scorecards = 0;
  double avg_pct = 0;  // one decimal
  int min_pct = 0;
  int max_pct = 0;
};

struct QualityReport {
  QualityLine total;
  std::vector<QualityLine> by;     // by agent or queue, by name
  std::vector<QualityLine> trend;  // by ISO week (key: the Monday, YYYY-MM-DD) of the case's solve
};

// dimension: "agent" or "queue".
QualityReport SummarizeQuality(const std::vector<ScorecardFact>& facts, const std::string& dimension);
nlohmann::json ToJson(const QualityReport& report);

}  // namespace concord::service
