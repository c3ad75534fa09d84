#include "service/quality.h"

#include <gtest/gtest.h>

namespace concord::service {
namespace {

Ratings All(int understanding, int accuracy, int resolution, int communication, std::optional<int> process) {
  return {{"understanding", understanding}, {"accuracy", accuracy}, {"resolution", resolution},
          {"communication", communication}, {"process", process}};
}

TEST(ScorePercent, WeightsRatingsAndRoundsHalfUp) {
  // Weights 1, 3, 2, 2, 2 (out of 4 each: 40 points). 4 + 3·3 + 2·4 + 2·2 + 2·0 = 25 / 40 = 62.5 % → 63.
  EXPECT_EQ(ScorePercent(DefaultCriteria(), All(4, 3, 4, 2, 0)).value(), 63);
  EXPECT_EQ(ScorePercent(DefaultCriteria(), All(4, 4, 4, 4, 4)).value(), 100);
  EXPECT_EQ(ScorePercent(DefaultCriteria(), All(0, 0, 0, 0, 0)).value(), 0);
}

TEST(ScorePercent, NotApplicableLeavesTheCriterionOut) {
  // Process n/a: 25 / 32 points = 78.125 % → 78.
  EXPECT_EQ(ScorePercent(DefaultCriteria(), All(4, 3, 4, 2, std::nullopt)).value(), 78);
}

TEST(ScorePercent, NamesEveryBadField) {
  Ratings r = All(5, 3, -1, 2, 0);
  r.erase("understanding");
  r["tone"] = 3;
  auto result = ScorePercent(DefaultCriteria(), r);
  ASSERT_FALSE(result.ok());
  std::vector<std::string> fields;
  for (const auto& f : result.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"scores.understanding", "scores.resolution", "scores.tone"}));
  Ratings none = {{"understanding", std::nullopt}, {"accuracy", std::nullopt}, {"resolution", std::nullopt},
                  {"communication", std::nullopt}, {"process", std::nullopt}};
  EXPECT_EQ(ScorePercent(DefaultCriteria(), none).error().fields.at(0).code, "scorecard.nothing_applies");
}

TEST(SampleHash, MatchesThePublishedReferenceValues) {
  // FNV-1a 64 test vectors (Fowler/Noll/Vo) and the first two outputs of Vigna's splitmix64.c from x = 0.
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(SplitMix64(0), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(SplitMix64(0x9e3779b97f4a7c15ULL), 0x6e789e6aa1b965f4ULL);
}

std::vector<SampleCandidate> TenAndTwo() {
  std::vector<SampleCandidate> c;
  for (int64_t id = 1; id <= 10; ++id) c.push_back({id, 7});
  c.push_back({11, 9});
  c.push_back({12, 9});
  return c;
}

TEST(DrawSample, TakesUpToNPerAgentReproducibly) {
  const auto a = DrawSample(TenAndTwo(), 3, "2026-11");
  ASSERT_EQ(a.size(), 5u);  // three of agent 7's ten, both of agent 9's
  for (int i = 0; i < 3; ++i) EXPECT_EQ(a[i].agent_id, 7);
  EXPECT_LT(a[0].case_id, a[1].case_id);
  EXPECT_LT(a[1].case_id, a[2].case_id);
  EXPECT_EQ(a[3].case_id, 11);
  EXPECT_EQ(a[4].case_id, 12);
  auto shuffled = TenAndTwo();
  std::reverse(shuffled.begin(), shuffled.end());
  const auto b = DrawSample(shuffled, 3, "2026-11");
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].case_id, b[i].case_id);
}

TEST(DrawSample, AnotherAgentsCasesDoNotChangeTheDraw) {
  auto only7 = TenAndTwo();
  only7.resize(10);
  const auto with = DrawSample(TenAndTwo(), 3, "seed");
  const auto without = DrawSample(only7, 3, "seed");
  ASSERT_EQ(without.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(with[i].case_id, without[i].case_id);
}

TEST(DrawSample, EveryCaseIsEquallyLikelyAcrossSeeds) {
  // 3 of 10 over 1000 seeds: each case ~300 times (binomial sd ≈ 14.5; ±60 is four of them).
  std::map<int64_t, int> picked;
  auto only7 = TenAndTwo();
  only7.resize(10);
  for (int s = 0; s < 1000; ++s)
    for (const auto& c : DrawSample(only7, 3, "period-" + std::to_string(s))) ++picked[c.case_id];
  ASSERT_EQ(picked.size(), 10u);
  for (const auto& [id, n] : picked) EXPECT_NEAR(n, 300, 60) << "case " << id;
}

TEST(SummarizeQuality, AveragesByAgentAndIsoWeek) {
  auto d = [](const char* s) { return Date::Parse(s).value(); };
  const std::vector<ScorecardFact> facts = {
      {"Ana", "Payroll", d("2026-11-16"), 80},  // Monday
      {"Ana", "Payroll", d("2026-11-22"), 91},  // Sunday: same ISO week
      {"Ben", "Benefits", d("2026-11-23"), 60},  // next Monday
  };
  const QualityReport r = SummarizeQuality(facts, "agent");
  EXPECT_EQ(r.total.scorecards, 3);
  EXPECT_DOUBLE_EQ(r.total.avg_pct, 77.0);  // (80 + 91 + 60) / 3 = 77
  ASSERT_EQ(r.by.size(), 2u);
  EXPECT_EQ(r.by[0].key, "Ana");
  EXPECT_DOUBLE_EQ(r.by[0].avg_pct, 85.5);
  EXPECT_EQ(r.by[0].min_pct, 80);
  EXPECT_EQ(r.by[0].max_pct, 91);
  ASSERT_EQ(r.trend.size(), 2u);
  EXPECT_EQ(r.trend[0].key, "2026-11-16");
  EXPECT_EQ(r.trend[0].scorecards, 2);
  EXPECT_EQ(r.trend[1].key, "2026-11-23");
  EXPECT_EQ(SummarizeQuality(facts, "queue").by[0].key, "Benefits");
}

}  // namespace
}  // namespace concord::service
