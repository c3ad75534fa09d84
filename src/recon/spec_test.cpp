// Spec parsing: a valid spec, and refusals that name the offending key.
#include <gtest/gtest.h>

#include "recon/recon.h"

namespace concord::recon {
namespace {

constexpr const char* kValid = R"(
[left]
name = "vms"
path = "vms.csv"
key = ["worker_id", "start_date"]

[right]
name = "ies"
path = "/data/ies.csv"
delimiter = ";"
key = ["employee_no", "start"]

[compare]
normalize = ["trim"]
ignore = ["updated_at"]

[[columns]]
left = "start_date"
right = "start"
normalize = ["trim", "date"]
date_formats = ["MM/DD/YYYY", "YYYY-MM-DD"]
tolerance_days = 1

[[columns]]
left = "bill_rate"
right = "rate"
normalize = ["money"]
tolerance = "0.01"

[[columns]]
left = "status"
normalize = ["casefold", "map"]
map = { active = "A", terminated = "T" }

[suggest]
on = ["status"]
min_score = 0.75
)";

TEST(Spec, ParsesAValidSpec) {
  auto spec = ParseSpec(kValid, "/specs/weekly.toml");
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  EXPECT_EQ(spec->left.name, "vms");
  EXPECT_EQ(spec->left.path, "/specs/vms.csv");  // relative to the spec's folder
  EXPECT_EQ(spec->right.path, "/data/ies.csv");
  EXPECT_EQ(spec->right.delimiter, ';');
  EXPECT_EQ(spec->left.key, (std::vector<std::string>{"worker_id", "start_date"}));
  EXPECT_EQ(spec->right.key, (std::vector<std::string>{"employee_no", "start"}));
  ASSERT_EQ(spec->columns.size(), 3u);
  EXPECT_EQ(spec->columns[0].tolerance_days, 1);
  EXPECT_EQ(spec->columns[1].absolute_tolerance->ToString(), "0.01");
  EXPECT_EQ(spec->columns[2].right, "status");  // right defaults to left
  EXPECT_EQ(spec->columns[2].value_map.size(), 2u);
  EXPECT_EQ(spec->ignore, (std::vector<std::string>{"updated_at"}));
  EXPECT_TRUE(spec->suggest.enabled);
  EXPECT_DOUBLE_EQ(spec->suggest.min_score, 0.75);
}

std::string Refusal(const std::string& text) {
  auto spec = ParseSpec(text, "s.toml");
  if (spec.ok()) return "accepted";
  EXPECT_EQ(spec.error().kind, ErrorKind::kInvalid);
  return spec.error().fields.empty() ? spec.error().message : spec.error().fields[0].field;
}

const std::string kSides = "[left]\nkey = [\"id\"]\n[right]\n";

TEST(Spec, RefusesUnknownKeysByName) {
  EXPECT_EQ(Refusal(kSides + "[extra]\n"), "extra");
  EXPECT_EQ(Refusal("[left]\nkey = [\"id\"]\nkeys = []\n[right]\n"), "left.keys");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\n[[columns]]\nleft = \"b\"\ntolerence = \"1\"\n"),
            "columns[1].tolerence");
  EXPECT_EQ(Refusal(kSides + "[compare]\nsame = true\n"), "compare.same");
}

TEST(Spec, RefusesBadValuesByName) {
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\nnormalize = [\"upper\"]\n"), "columns[0].normalize");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\nnormalize = [\"money\"]\ntolerance = 0.01\n"),
            "columns[0].tolerance");  // a float is not exact
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\nnormalize = [\"money\"]\ntolerance = \"-1\"\n"),
            "columns[0].tolerance");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\nnormalize = [\"date\"]\n"), "columns[0].date_formats");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\nnormalize = [\"date\"]\ndate_formats = [\"YYYY\"]\n"),
            "columns[0].date_formats");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nleft = \"a\"\ntolerance_days = 2\n"), "columns[0].tolerance_days");
  EXPECT_EQ(Refusal(kSides + "[[columns]]\nright = \"a\"\n"), "columns[0].left");
  EXPECT_EQ(Refusal("[left]\nkey = [\"id\"]\nformat = \"xml\"\n[right]\n"), "left.format");
  EXPECT_EQ(Refusal("[left]\nkey = [\"id\"]\ndelimiter = \",,\"\n[right]\n"), "left.delimiter");
  EXPECT_EQ(Refusal("[left]\n[right]\n"), "left.key");
  EXPECT_EQ(Refusal("[left]\nkey = [\"a\", \"b\"]\n[right]\nkey = [\"a\"]\n"), "right.key");
  EXPECT_EQ(Refusal("[right]\n"), "left");
  EXPECT_EQ(Refusal(kSides + "[suggest]\non = []\n"), "suggest.on");
  EXPECT_EQ(Refusal(kSides + "[suggest]\non = [\"a\"]\nmin_score = 2\n"), "suggest.min_score");
}

TEST(Spec, SyntaxErrorsNameLineAndColumn) {
  auto spec = ParseSpec("[left]\nkey = [\"id\"\n", "s.toml");
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.error().code, "recon.spec_syntax");
  EXPECT_NE(spec.error().message.find("s.toml:"), std::string::npos);
}

TEST(Spec, RightKeyDefaultsToLeft) {
  auto spec = ParseSpec(kSides, "s.toml");
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(spec->right.key, (std::vector<std::string>{"id"}));
}

}  // namespace
}  // namespace concord::recon
