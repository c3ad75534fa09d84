// The chat export readers against hand-written samples in the real exports' shapes
// (tests/fixtures/workforce/chat, times worked by hand in its README), and their errors.
#include "workforce/chat_export.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

ChatFile Fixture(const std::string& path) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/workforce/chat/" + path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << path;
  const auto slash = path.find('/');
  return {path.substr(slash + 1), s.str()};
}

std::vector<ChatFile> SlackExport() {
  return {Fixture("slack/users.json"), Fixture("slack/channels.json"), Fixture("slack/payroll-help/2026-11-20.json"),
          Fixture("slack/harborview-contractors/2026-11-20.json")};
}

TEST(ChatExport, SlackMessagesWithTheirSenderTimeAndChannelJoinsAndBotsLeftOut) {
  const auto messages = ParseSlackExport(SlackExport());
  ASSERT_TRUE(messages.ok()) << messages.error().message;
  ASSERT_EQ(messages->size(), 5u);
  const ChatMessage& first = messages->at(0);
  EXPECT_EQ(first.channel, "slack");
  EXPECT_EQ(first.conversation, "payroll-help");
  EXPECT_EQ(first.sender_email, "maria.garcia@example.test");  // lower-cased
  EXPECT_EQ(first.sender_name, "Maria Garcia");
  EXPECT_EQ(first.occurred_at, "2026-11-20T15:00:00Z");  // ts 1795186800
  EXPECT_EQ(first.external_id, "payroll-help/1795186800.000200");
  EXPECT_EQ(first.line, 9);
  EXPECT_EQ(messages->at(1).occurred_at, "2026-11-20T15:05:00Z");
  EXPECT_EQ(messages->at(1).sender_email, "casey@concord.test");
  EXPECT_EQ(messages->at(3).text, "Will the Thanksgiving holiday move the pay date?");
}

TEST(ChatExport, SlackErrorsNameFileLineAndField) {
  auto files = SlackExport();
  files.push_back({"payroll-help/2026-11-21.json",
                   "[\n  {\"type\": \"message\", \"user\": \"U04MARIA\", \"text\": \"ok\", \"ts\": \"1795273200.0001\"},\n"
                   "  {\"type\": \"message\", \"user\": \"U04MARIA\",\n   \"text\": \"no time\"}\n]\n"});
  auto r = ParseSlackExport(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "payroll-help/2026-11-21.json, line 3 (ts)");

  files.back().content = "[\n  {\"type\": \"message\", \"user\": \"U77NOBODY\", \"text\": \"hi\", \"ts\": \"1795273200.0001\"}\n]";
  r = ParseSlackExport(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "payroll-help/2026-11-21.json, line 2 (user)");

  files.back().content = "[\n  {\"type\": \"message\",\n   \"user\": \"U04MARIA\" \"text\": \"x\"}\n]";
  r = ParseSlackExport(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "payroll-help/2026-11-21.json, line 3");

  r = ParseSlackExport({Fixture("slack/payroll-help/2026-11-20.json")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("users.json"), std::string::npos);
}

TEST(ChatExport, ObjectLinesFindEachMessageAndIgnoreBracesInText) {
  EXPECT_EQ(ObjectLines("[\n{\"a\": \"{\"},\n\n {\"b\": {\"c\": 1}}\n]", 1), (std::vector<int>{2, 4}));
  EXPECT_EQ(ObjectLines("{\"messages\": [\n {\"x\": \"\\\"{\"}\n]}", 2), (std::vector<int>{2}));
}

TEST(ChatExport, GoogleChatTakeoutBothDateStyles) {
  EXPECT_EQ(GoogleChatTime("Friday, November 20, 2026 at 3:00:00 PM UTC"), "2026-11-20T15:00:00Z");
  EXPECT_EQ(GoogleChatTime("Friday, 20 November 2026 at 15:04:30 UTC"), "2026-11-20T15:04:30Z");
  EXPECT_EQ(GoogleChatTime("Monday, November 23, 2026 at 12:05:00 AM UTC"), "2026-11-23T00:05:00Z");
  EXPECT_EQ(GoogleChatTime("Monday, November 23, 2026 at 12:05:00 PM UTC"), "2026-11-23T12:05:00Z");
  EXPECT_EQ(GoogleChatTime("yesterday"), "");
  EXPECT_EQ(GoogleChatTime("Friday, Brumaire 20, 2026 at 3:00:00 PM UTC"), "");

  const auto messages = ParseGoogleChatExport(
      {Fixture("google/Google Chat/Groups/Space Harborview payroll/messages.json"),
       Fixture("google/Google Chat/Groups/Space Harborview payroll/group_info.json")});
  ASSERT_TRUE(messages.ok()) << messages.error().message;
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ(messages->at(0).conversation, "Space Harborview payroll");
  EXPECT_EQ(messages->at(0).external_id, "AAAA1b2C3d4/h3VqJ0R7dX8/h3VqJ0R7dX8");
  EXPECT_EQ(messages->at(0).line, 3);
  EXPECT_EQ(messages->at(1).occurred_at, "2026-11-20T15:04:30Z");
}

TEST(ChatExport, GoogleChatErrorsNameFileLineAndField) {
  const ChatFile bad{"Google Chat/Groups/Ops/messages.json",
                     "{\n  \"messages\": [\n    {\"creator\": {\"name\": \"A\", \"email\": \"a@x.test\"},\n"
                     "     \"created_date\": \"soon\", \"text\": \"hi\", \"message_id\": \"m1\"}\n  ]\n}\n"};
  const auto r = ParseGoogleChatExport({bad});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "Google Chat/Groups/Ops/messages.json, line 3 (created_date)");
}

}  // namespace
}  // namespace concord::workforce
