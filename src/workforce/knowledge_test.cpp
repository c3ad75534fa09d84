// Level-1 knowledge: the rules (citations, the reply text, the Level II due date over Thanksgiving) and
// the articles through their service on every backend — versions kept and audited, Level II questions as
// tasks on the worker's timeline, and who may read what.
#include "workforce/knowledge.h"

#include "workforce/comms_records.h"
#include "workforce/comms_test_fixture.h"

namespace concord::workforce {
namespace {

TEST(KnowledgeRules, CitationsNeedALabelAndAWebAddress) {
  EXPECT_EQ(CitationErrors(json::array()).at(0).field, "citations");
  EXPECT_EQ(CitationErrors(json::array({{{"label", ""}}})).at(0).field, "citations[0].label");
  EXPECT_EQ(CitationErrors(json::array({{{"label", "29 CFR 541.600"}, {"url", "ftp://x"}}})).at(0).field,
            "citations[0].url");
  EXPECT_TRUE(CitationErrors(json::array({{{"label", "29 U.S.C. §207(a)(1)"}},
                                          {{"label", "29 CFR 541.600"},
                                           {"url", "https://www.ecfr.gov/current/title-29/section-541.600"}}}))
                  .empty());
}

TEST(KnowledgeRules, TheReplyTextNamesTheArticleVersionAndSources) {
  const json article = {{"id", 3},
                        {"version", 2},
                        {"title", "Overtime"},
                        {"body", "Hours over 40 in a workweek are paid at 1.5 times the regular rate."},
                        {"citations", json::array({{{"label", "29 U.S.C. §207(a)(1)"},
                                                    {"url", "https://www.law.cornell.edu/uscode/text/29/207"}}})}};
  EXPECT_EQ(ArticleReplyText(article),
            "Overtime (knowledge article #3, version 2)\n\nHours over 40 in a workweek are paid at 1.5 times the "
            "regular rate.\n\nSources:\n- 29 U.S.C. §207(a)(1) — https://www.law.cornell.edu/uscode/text/29/207");
}

TEST(KnowledgeRules, ALevelTwoQuestionIsDueInTwoBusinessDays) {
  // Wednesday 25 Nov 2026, Thanksgiving on the 26th: Friday 27, Monday 30.
  EXPECT_EQ(DefaultLevelTwoDue(Date::Parse("2026-11-25").value()), Date::Parse("2026-11-30").value());
}

class KnowledgeTest : public CommsTest {
 protected:
  json Article(const std::string& status = "published") {
    return Ok(comms_->knowledge.Create(
        coordinator_,
        {{"title", "Overtime for non-exempt workers"},
         {"topic", "overtime"},
         {"body", "Hours over 40 in a workweek are paid at one and a half times the regular rate."},
         {"status", status},
         {"citations", json::array({{{"label", "29 U.S.C. §207(a)(1)"}}})}},
        "t"));
  }
};

TEST_P(KnowledgeTest, AnEditIsANewVersionAndTheOldOneIsKept) {
  json a = Article();
  a = Ok(comms_->knowledge.Update(coordinator_, a["id"].get<int64_t>(), a["version"].get<int64_t>(),
                                  {{"body", "Over 40 hours in the workweek: 1.5 × the regular rate, bonuses included."}},
                                  "t"));
  EXPECT_EQ(a["version"], 2);
  const auto versions = Ok(comms_->knowledge.Revisions(coordinator_, a["id"].get<int64_t>()));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["body"], "Hours over 40 in a workweek are paid at one and a half times the regular rate.");
  EXPECT_EQ(versions[1]["version"], 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'knowledge_article'"), 2);
  const auto stale = comms_->knowledge.Update(coordinator_, a["id"].get<int64_t>(), 1, {{"title", "x"}}, "t");
  EXPECT_EQ(stale.error().code, "knowledge_article.stale");
  const auto uncited = comms_->knowledge.Create(
      coordinator_, {{"title", "x"}, {"topic", "wages"}, {"body", "y"}, {"citations", json::array()}}, "t");
  EXPECT_EQ(uncited.error().fields.at(0).field, "citations");
  ListRequest search;
  search.q = "bonuses";
  EXPECT_EQ(Ok(service_->List(coordinator_, KnowledgeTable(), search)).total, 1);
}

TEST_P(KnowledgeTest, ClientUsersReadPublishedArticlesWorkersNone) {
  const int64_t published = Article()["id"].get<int64_t>();
  const int64_t draft = Article("draft")["id"].get<int64_t>();
  EXPECT_EQ(Ok(service_->Get(client_users_[1], KnowledgeTable(), published))["id"], published);
  EXPECT_EQ(service_->Get(client_users_[1], KnowledgeTable(), draft).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(comms_->knowledge.Revisions(client_users_[1], draft).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(worker_users_[0], KnowledgeTable(), published).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(Ok(service_->List(client_users_[0], KnowledgeTable(), {})).total, 1);
}

TEST_P(KnowledgeTest, ALevelTwoQuestionIsATaskWithADueDateOnTheWorkersTimeline) {
  const json a = Article();
  const json task = Ok(comms_->knowledge.EscalateQuestion(
      coordinator_, WorkerId(0),
      {{"question", "Does the client's retention bonus count in Maria's regular rate?"},
       {"to", "hrbp"},
       {"article_id", a["id"]}},
      Date::Parse("2026-11-25").value(), "t"));
  EXPECT_EQ(task["owner"], "hrbp");
  EXPECT_EQ(task["due_date"], "2026-11-30");
  EXPECT_EQ(task["client_id"], client_ids_[0]);
  EXPECT_EQ(task["entity"], "worker");
  EXPECT_NE(task["detail"].get<std::string>().find("Overtime for non-exempt workers (version 1)"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = 'Level II question sent to the HRBP'",
                  {WorkerId(0)}),
            1);
  EXPECT_EQ(comms_->knowledge
                .EscalateQuestion(client_users_[1], WorkerId(0), {{"question", "x"}, {"to", "hrbp"}},
                                  Date::Parse("2026-11-25").value(), "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
  const auto bad = comms_->knowledge.EscalateQuestion(coordinator_, WorkerId(0), {{"question", "x"}, {"to", "legal"}},
                                                      Date::Parse("2026-11-25").value(), "t");
  EXPECT_EQ(bad.error().fields.at(0).field, "to");
}

INSTANTIATE_TEST_SUITE_P(Backends, KnowledgeTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
