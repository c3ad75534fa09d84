#include <gtest/gtest.h>

#include "core/text_template.h"

namespace concord {
namespace {

const TemplateValues kValues{{"worker.first_name", "Zoë"}, {"end_date", "4 December 2026"}, {"empty", ""}};

TEST(TextTemplate, FillsEveryPlaceholderIncludingRepeatsAndSpaces) {
  EXPECT_EQ(FillTemplate("Dear {{worker.first_name}}, ends {{ end_date }}. Bye {{worker.first_name}}{{empty}}.",
                         kValues)
                .value(),
            "Dear Zoë, ends 4 December 2026. Bye Zoë.");
  EXPECT_EQ(FillTemplate("no placeholders { } }}", kValues).value(), "no placeholders { } }}");
  EXPECT_EQ(FillTemplate("literal {{{{ braces", kValues).value(), "literal {{ braces");
}

TEST(TextTemplate, UnknownPlaceholderIsAnErrorWithItsPosition) {
  const auto filled = FillTemplate("Hello\n  {{worker.last_name}}", kValues);
  ASSERT_FALSE(filled.ok());
  EXPECT_EQ(filled.error().code, "template.unknown_placeholder");
  EXPECT_NE(filled.error().message.find("{{worker.last_name}} at 2:3"), std::string::npos) << filled.error().message;
}

TEST(TextTemplate, MalformedPlaceholdersAreErrors) {
  EXPECT_EQ(FillTemplate("Dear {{name", kValues).error().code, "template.unclosed");
  EXPECT_EQ(FillTemplate("Dear {{first name}}", kValues).error().code, "template.bad_placeholder");
  EXPECT_EQ(FillTemplate("Dear {{}}", kValues).error().code, "template.bad_placeholder");
}

TEST(TextTemplate, ListsPlaceholdersOnceInOrder) {
  EXPECT_EQ(TemplatePlaceholders("{{b}} {{a}} {{b}} {{{{x}}").value(), (std::vector<std::string>{"b", "a"}));
}

}  // namespace
}  // namespace concord
