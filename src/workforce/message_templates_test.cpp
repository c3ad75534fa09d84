#include "workforce/message_templates.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

TEST(MessageTemplates, EveryKindHasADefaultThatFillsFromItsOwnPlaceholders) {
  ASSERT_EQ(TemplateKinds().size(), 8u);
  for (const auto& kind : TemplateKinds()) {
    EXPECT_TRUE(ValidateTemplate(kind, {kind.subject, kind.body}).empty()) << kind.key;
  }
  EXPECT_EQ(FindTemplateKind("nonsense"), nullptr);
}

TEST(MessageTemplates, AnUnknownPlaceholderIsRefusedAtItsLineAndColumn) {
  const TemplateKind& activation = *FindTemplateKind("activation");
  // Line 3, column 7: "Start " is six characters, so the braces open at column 7.
  const auto errors = ValidateTemplate(activation, {"Welcome {{worker.first_name}}", "Hello,\n\nStart {{start}} at 9."});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "body");
  EXPECT_EQ(errors[0].code, "template.unknown_placeholder");
  EXPECT_NE(errors[0].message.find("at 3:7"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("{{assignment.start_date}}"), std::string::npos) << "lists the allowed names";
  // An unclosed one in the subject, at column 10; an empty body.
  const auto both = ValidateTemplate(activation, {"Welcome, {{worker.first_name", "  \n"});
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].field, "subject");
  EXPECT_EQ(both[0].code, "template.unclosed");
  EXPECT_NE(both[0].message.find("1:10"), std::string::npos) << both[0].message;
  EXPECT_EQ(both[1].field, "body");
  // A reminder's placeholders are not the letter's.
  EXPECT_FALSE(ValidateTemplate(*FindTemplateKind("separation_letter"), {"Letter", "Dear {{worker_name}}"}).empty());
}

TEST(MessageTemplates, APreviewFillsTheExampleValues) {
  const auto preview =
      PreviewTemplate(*FindTemplateKind("reminder.missing-timecards"),
                      {"Timecard {{week_start}}", "{{worker_name}}: {{assignment_title}} at {{client_name}}"});
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->subject, "Timecard 2026-11-09");
  EXPECT_EQ(preview->body, "Maria Garcia: Payroll Analyst at Harborview Logistics");
}

}  // namespace
}  // namespace concord::workforce
