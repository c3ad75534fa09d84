#include "service/quality.h"

#include <algorithm>
#include <cmath>

namespace concord::service {

const std::vector<QualityCriterion>& DefaultCriteria() {
  static const std::vector<QualityCriterion> kCriteria = {
      {"understanding", "Understood the request and confirmed the requester's identity", 1},
      {"accuracy", "The answer was correct and complete (policy, pay, benefits rules)", 3},
      {"resolution", "Solved at the first opportunity, or set clear next steps", 2},
      {"communication", "Clear, courteous, plain-language replies", 2},
      {"process", "Case record kept: category, links, notes; privacy and compliance followed", 2},
  };
  return kCriteria;
}

Result<int> ScorePercent(const std::vector<QualityCriterion>& criteria, const Ratings& ratings) {
  std::vector<FieldError> errors;
  int64_t earned = 0, possible = 0;
  for (const auto& c : criteria) {
    auto it = ratings.find(c.key);
    if (it == ratings.end()) {
      errors.push_back({"scores." + c.key, "field.required", "Rate \"" + c.label + "\" (0–4) or mark it not applicable."});
      continue;
    }
    if (!it->second) continue;
    if (*it->second < 0 || *it->second > kMaxRating) {
      errors.push_back({"scores." + c.key, "field.range", "A rating is 0 to 4."});
      continue;
    }
    earned += int64_t{c.weight} * *it->second;
    possible += int64_t{c.weight} * kMaxRating;
  }
  for (const auto& [key, rating] : ratings) {
    if (std::none_of(criteria.begin(), criteria.end(), [&](const auto& c) { return c.key == key; }))
      errors.push_back({"scores." + key, "field.unknown", "The form has no criterion \"" + key + "\"."});
  }
  if (errors.empty() && possible == 0)
    errors.push_back({"scores", "scorecard.nothing_applies", "At least one criterion must apply."});
  if (!errors.empty()) return Error::Invalid("request.invalid", "The scorecard has errors; see the fields.", errors);
  return static_cast<int>((earned * 200 + possible) / (possible * 2));  // round half up, exact integers
}

uint64_t Fnv1a64(const std::string& text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t SplitMix64(uint64_t state) {
  uint64_t z = state + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<SampleCandidate> DrawSample(std::vector<SampleCandidate> candidates, int per_agent,
                                        const std::string& seed) {
  const uint64_t base = Fnv1a64(seed);
  auto rank = [base](const SampleCandidate& c) { return SplitMix64(base ^ static_cast<uint64_t>(c.case_id)); };
  std::sort(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) {
    if (a.agent_id != b.agent_id) return a.agent_id < b.agent_id;
    const uint64_t ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a.case_id < b.case_id;
  });
  std::vector<SampleCandidate> out;
  int taken = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i == 0 || candidates[i].agent_id != candidates[i - 1].agent_id) taken = 0;
    if (taken++ < per_agent) out.push_back(candidates[i]);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.agent_id != b.agent_id ? a.agent_id < b.agent_id : a.case_id < b.case_id;
  });
  return out;
}

namespace {

struct Tally {
  int n = 0;
  int64_t sum = 0;
  int min = 100, max = 0;
  void Add(int pct) {
    ++n;
    sum += pct;
    min = std::min(min, pct);
    max = std::max(max, pct);
  }
  QualityLine Line(std::string key) const {
    QualityLine l{std::move(key), n, 0, n ? min : 0, max};
    if (n) l.avg_pct = std::round(static_cast<double>(sum) * 10 / n) / 10;
    return l;
  }
};

Date WeekStart(Date d) {
  const unsigned from_monday = (d.weekday().c_encoding() + 6) % 7;
  return d.AddDays(-static_cast<int>(from_monday));
}

nlohmann::json LineJson(const QualityLine& l) {
  nlohmann::json j = {{"key", l.key}, {"scorecards", l.scorecards}, {"avg_pct", nullptr}, {"min_pct", nullptr},
                      {"max_pct", nullptr}};
  if (l.scorecards) {
    j["avg_pct"] = l.avg_pct;
    j["min_pct"] = l.min_pct;
    j["max_pct"] = l.max_pct;
  }
  return j;
}

}  // namespace

QualityReport SummarizeQuality(const std::vector<ScorecardFact>& facts, const std::string& dimension) {
  Tally total;
  std::map<std::string, Tally> by, weeks;
  for (const auto& f : facts) {
    total.Add(f.total_pct);
    by[dimension == "queue" ? f.queue : f.agent].Add(f.total_pct);
    weeks[WeekStart(f.solved_on).ToString()].Add(f.total_pct);
  }
  QualityReport r;
  r.total = total.Line("total");
  for (const auto& [key, t] : by) r.by.push_back(t.Line(key));
  for (const auto& [key, t] : weeks) r.trend.push_back(t.Line(key));
  return r;
}

nlohmann::json ToJson(const QualityReport& report) {
  nlohmann::json by = nlohmann::json::array(), trend = nlohmann::json::array();
  for (const auto& l : report.by) by.push_back(LineJson(l));
  for (const auto& l : report.trend) trend.push_back(LineJson(l));
  return {{"total", LineJson(report.total)}, {"by", by}, {"trend", trend}};
}

}  // namespace concord::service
