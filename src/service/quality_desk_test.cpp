// Quality reviews on both store backends: the sample of solved cases, scorecards with their audit,
// the list and the report. Scores are worked by hand from the form's weights (1, 3, 2, 2, 2).
#include "service/desk_test_fixture.h"

namespace concord::service {
namespace {

class QualityTest : public DeskTest {
 protected:
  Case Solve(const Case& c) {
    CaseInput in;
    in.status = "solved";
    auto r = desk_->Update(agent_, c.id, desk_->Get(agent_, c.id).value().version, in, "t");
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value();
  }
  static Ratings Rate(int understanding, int accuracy, int resolution, int communication, std::optional<int> process) {
    return {{"understanding", understanding}, {"accuracy", accuracy}, {"resolution", resolution},
            {"communication", communication}, {"process", process}};
  }
};

TEST_P(QualityTest, TheSampleTakesUpToNOfEachAgentsSolvedCasesReproducibly) {
  std::vector<Case> cases;
  for (int i = 0; i < 6; ++i) cases.push_back(Open("Question " + std::to_string(i), acme_));  // ana, ben, ana, …
  Open("Still open", acme_);
  now_ = T("2026-03-03T15:00:00Z");
  for (const auto& c : cases) Solve(c);
  const auto a = desk_->QualitySample("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", 2, "March").value();
  ASSERT_EQ(a.size(), 4u);  // two of Ana's three, two of Ben's three; never the open case
  EXPECT_EQ(a[0].agent_id, ana_);
  EXPECT_EQ(a[1].agent_id, ana_);
  EXPECT_EQ(a[2].agent_id, ben_);
  for (const auto& s : a) EXPECT_NE(s.subject, "Still open");
  const auto again = desk_->QualitySample("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", 2, "March").value();
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].case_id, again[i].case_id);
  // Solved outside the period: not drawn.
  EXPECT_TRUE(desk_->QualitySample("2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", 2, "April").value().empty());
}

TEST_P(QualityTest, AScorecardIsScoredAuditedAndRevisedWithItsVersion) {
  const Case open = Open("Pay stub", acme_);
  auto refused = desk_->ReviewCase(manager_, open.id, Rate(4, 4, 4, 4, 4), "", "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "case_id");
  Solve(open);
  // 4·1 + 3·3 + 4·2 + 2·2 + 0·2 = 25 of 40 points = 62.5 % → 63.
  const Scorecard s = desk_->ReviewCase(manager_, open.id, Rate(4, 3, 4, 2, 0), "Missed the privacy check", "t").value();
  EXPECT_EQ(s.total_pct, 63);
  EXPECT_EQ(s.agent_id, ana_);
  EXPECT_EQ(s.agent_name, "Ana Agent");
  EXPECT_EQ(s.queue_id, front_queue_);
  EXPECT_EQ(s.reviewer_name, "Maria Manager");
  EXPECT_EQ(HttpStatus(desk_->ReviewCase(manager_, open.id, Rate(4, 4, 4, 4, 4), "", "t").error().kind), 409);
  // Audited without a client: portal users reading their client's history never see reviews.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'case_scorecard' AND action = 'create' AND "
                  "client_id IS NULL"),
            1);
  // Process not applicable: 25 of 32 points = 78.125 % → 78.
  const Scorecard revised = desk_->ReviseScorecard(manager_, s.id, s.version, Rate(4, 3, 4, 2, std::nullopt), "ok", "t").value();
  EXPECT_EQ(revised.total_pct, 78);
  EXPECT_EQ(revised.version, s.version + 1);
  EXPECT_EQ(HttpStatus(desk_->ReviseScorecard(manager_, s.id, s.version, Rate(0, 0, 0, 0, 0), "", "t").error().kind), 412);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'case_scorecard' AND action = 'update'"), 1);
  EXPECT_EQ(HttpStatus(desk_->GetScorecard(s.id + 100).error().kind), 404);
}

TEST_P(QualityTest, TheListFiltersSortsAndTheReportAveragesByAgentAndWeek) {
  const Case a1 = Open("A1", acme_), b1 = Open("B1", acme_), a2 = Open("A2", acme_);
  now_ = T("2026-03-04T15:00:00Z");  // Wednesday: week of Monday 2026-03-02
  Solve(a1);
  Solve(b1);
  now_ = T("2026-03-10T15:00:00Z");  // Tuesday: week of 2026-03-09
  Solve(a2);
  ASSERT_TRUE(desk_->ReviewCase(manager_, a1.id, Rate(4, 4, 4, 4, 4), "", "t").ok());  // 100
  ASSERT_TRUE(desk_->ReviewCase(manager_, b1.id, Rate(2, 2, 2, 2, 2), "", "t").ok());  // 50
  ASSERT_TRUE(desk_->ReviewCase(manager_, a2.id, Rate(4, 3, 4, 2, 0), "", "t").ok());  // 63

  ScorecardListQuery q;
  q.sort = "total_pct";
  q.descending = false;
  auto page = desk_->Scorecards(q).value();
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].total_pct, 50);
  EXPECT_EQ(page.items[2].total_pct, 100);
  q.limit = 2;  // the keyset cursor over the fixed-width score text: 50, 63 | 100
  page = desk_->Scorecards(q).value();
  q.after_key = page.sort_keys.back();
  q.after_id = page.items.back().id;
  EXPECT_EQ(desk_->Scorecards(q).value().items.at(0).total_pct, 100);
  ScorecardListQuery ana;
  ana.agent_id = ana_;
  ana.min_pct = 70;
  EXPECT_EQ(desk_->Scorecards(ana).value().total, 1);
  ScorecardListQuery search;
  search.q = "#" + std::to_string(b1.id);
  EXPECT_EQ(desk_->Scorecards(search).value().items.at(0).case_id, b1.id);

  const QualityReport r = desk_->QualityReportFor({}, "agent").value();
  EXPECT_DOUBLE_EQ(r.total.avg_pct, 71.0);  // (100 + 50 + 63) / 3
  ASSERT_EQ(r.by.size(), 2u);
  EXPECT_EQ(r.by[0].key, "Ana Agent");
  EXPECT_DOUBLE_EQ(r.by[0].avg_pct, 81.5);  // (100 + 63) / 2
  ASSERT_EQ(r.trend.size(), 2u);
  EXPECT_EQ(r.trend[0].key, "2026-03-02");
  EXPECT_DOUBLE_EQ(r.trend[0].avg_pct, 75.0);
  EXPECT_EQ(r.trend[1].key, "2026-03-09");

  const io::Table t = desk_->ScorecardTable({}).value();
  EXPECT_EQ(t.rows.size(), 3u);
  EXPECT_NE(std::find(t.columns.begin(), t.columns.end(), "accuracy"), t.columns.end());
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::service
