// The survey link on solve, on both backends: queued in the outbox in the solve's transaction, once.
#include "service/desk_test_fixture.h"
#include "service/survey_mail.h"

namespace concord::service {

class SurveyMailTest : public DeskTest {};

TEST_P(SurveyMailTest, SolvingQueuesTheLinkOnceAndTheLinkAnswersTheSurvey) {
  setenv("CONCORD_PUBLIC_URL", "https://desk.example.test/", 1);
  const Case c = Open("W-2 reprint", acme_);
  Add(c, "reply", "Reissued.", "solved");
  const Case solved = desk_->Get(agent_, c.id).value();
  auto conn = db().Acquire().value();
  const auto row = conn->QueryOne(
      "SELECT subject, body, purpose, entity_id FROM mail_outbox WHERE entity = 'case' AND purpose = 'case_survey'", {});
  ASSERT_TRUE(row.ok()) << row.error().message;
  EXPECT_EQ(row->Text(0), "How did we do? W-2 reprint [#" + std::to_string(c.id) + "]");
  EXPECT_NE(row->Text(1).find("https://desk.example.test/survey/" + solved.survey_token), std::string::npos);
  EXPECT_EQ(row->Text(2), "case_survey");
  EXPECT_EQ(SurveyLink("abc"), "https://desk.example.test/survey/abc");
  unsetenv("CONCORD_PUBLIC_URL");
  EXPECT_EQ(SurveyLink("abc"), "http://localhost:8080/survey/abc");
  ASSERT_TRUE(desk_->AnswerSurvey(solved.survey_token, 4, "", "t").ok());
  // Reopened by the requester and solved again: they have answered, so no second link.
  Add(c, "message", "One more thing", std::nullopt, nullptr);
  Add(c, "reply", "Done too.", "solved");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE purpose = 'case_survey'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries WHERE kind = 'survey' AND case_id = ?", {c.id}), 2);  // sent, answered
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyMailTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace concord::service
