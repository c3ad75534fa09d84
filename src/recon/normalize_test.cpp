// Normalisers and tolerances, with expectations worked out by hand.
#include "recon/normalize.h"

#include <gtest/gtest.h>

namespace concord::recon {
namespace {

ColumnNormalizer Make(std::vector<NormalizerKind> steps, std::vector<std::string> formats = {},
                      std::vector<std::pair<std::string, std::string>> map = {}) {
  ColumnRule rule;
  rule.left = rule.right = "c";
  rule.normalizers = std::move(steps);
  rule.date_formats = std::move(formats);
  rule.value_map = std::move(map);
  auto n = ColumnNormalizer::Create(rule, "columns[0]");
  EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().message);
  return std::move(n).value();
}

std::string Text(const ColumnNormalizer& n, std::string_view raw) {
  std::string scratch;
  return ColumnNormalizer::Display(n.Apply(raw, scratch));
}

TEST(Normalize, Trim) {
  auto n = Make({NormalizerKind::kTrim});
  EXPECT_EQ(Text(n, "  Smith \t"), "Smith");
  EXPECT_EQ(Text(n, "   "), "");
  EXPECT_EQ(Text(n, "a b"), "a b");
}

TEST(Normalize, CollapseSpaces) {
  auto n = Make({NormalizerKind::kCollapseSpaces});
  EXPECT_EQ(Text(n, "Mary  \t Ann   Lee"), "Mary Ann Lee");
  EXPECT_EQ(Text(n, " x "), " x ");  // collapsing is not trimming
}

TEST(Normalize, CaseFoldAsciiAndLatin1) {
  auto n = Make({NormalizerKind::kCaseFold});
  EXPECT_EQ(Text(n, "McDONALD"), "mcdonald");
  EXPECT_EQ(Text(n, "ÉLODIE MÜLLER"), "élodie müller");  // U+00C9 -> U+00E9, U+00DC -> U+00FC
  EXPECT_EQ(Text(n, "2×3"), "2×3");                     // U+00D7 has no lower case
}

TEST(Normalize, DigitsOnly) {
  auto n = Make({NormalizerKind::kDigitsOnly});
  EXPECT_EQ(Text(n, "123-45-6789"), "123456789");
  EXPECT_EQ(Text(n, "(555) 010-0199 x12"), "555010019912");
}

TEST(Normalize, StepsApplyInOrder) {
  auto n = Make({NormalizerKind::kTrim, NormalizerKind::kCollapseSpaces, NormalizerKind::kCaseFold,
                 NormalizerKind::kMap},
                {}, {{"active", "A"}, {"terminated", "T"}});
  EXPECT_EQ(Text(n, "  ACTIVE "), "A");
  EXPECT_EQ(Text(n, "Terminated"), "T");
  EXPECT_EQ(Text(n, "On  Leave"), "on leave");  // unmapped values pass through
}

TEST(Normalize, ValueMapIsExact) {
  auto n = Make({NormalizerKind::kMap}, {}, {{"Active", "A"}});
  EXPECT_EQ(Text(n, "Active"), "A");
  EXPECT_EQ(Text(n, "active"), "active");
}

struct DateCase {
  const char* format;
  const char* text;
  const char* iso;  // nullptr: refused
};

TEST(Normalize, DateFormats) {
  const DateCase cases[] = {
      {"MM/DD/YYYY", "01/31/2024", "2024-01-31"},
      {"MM/DD/YYYY", "1/31/2024", nullptr},  // MM wants two digits
      {"M/D/YYYY", "1/31/2024", "2024-01-31"},
      {"M/D/YYYY", "12/5/2024", "2024-12-05"},
      {"YYYY-MM-DD", "2024-02-29", "2024-02-29"},  // 2024 is a leap year
      {"YYYY-MM-DD", "2023-02-29", nullptr},       // 2023 is not
      {"YYYY-MM-DD", "1900-02-29", nullptr},       // divisible by 100, not by 400
      {"YYYY-MM-DD", "2000-02-29", "2000-02-29"},  // divisible by 400
      {"YYYY-MM-DD", "2024-04-31", nullptr},
      {"YYYY-MM-DD", "2024-13-01", nullptr},
      {"M/D/YY", "3/4/68", "2068-03-04"},  // POSIX %y: 00-68 -> 20xx
      {"M/D/YY", "3/4/69", "1969-03-04"},  // 69-99 -> 19xx
      {"DD.MM.YYYY", "07.11.2025", "2025-11-07"},
      {"YYYYMMDD", "20250102", "2025-01-02"},
      {"D MON YYYY", "5 Jan 2025", "2025-01-05"},
      {"D MON YYYY", "5 january 2025", "2025-01-05"},
      {"YYYY-MM-DD", "2024-01-31x", nullptr},
  };
  for (const DateCase& c : cases) {
    auto f = DateFormat::Compile(c.format);
    ASSERT_TRUE(f.ok());
    int32_t days = 0;
    bool ok = f->Parse(c.text, &days);
    EXPECT_EQ(ok, c.iso != nullptr) << c.format << " " << c.text;
    if (ok && c.iso) {
      char iso[11] = {};
      FormatIsoDate(days, iso);
      EXPECT_STREQ(iso, c.iso) << c.format << " " << c.text;
    }
  }
}

TEST(Normalize, DaysFromCivilKnownPoints) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);  // 30 years incl. 7 leap days (72..96) + Jan, Feb 2000
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
}

TEST(Normalize, DateTriesFormatsInOrder) {
  auto n = Make({NormalizerKind::kTrim, NormalizerKind::kDate}, {"YYYY-MM-DD", "M/D/YYYY", "M/D/YY"});
  EXPECT_EQ(Text(n, " 2024-03-05 "), "2024-03-05");
  EXPECT_EQ(Text(n, "3/5/2024"), "2024-03-05");
  EXPECT_EQ(Text(n, "3/5/24"), "2024-03-05");
  EXPECT_EQ(Text(n, "March 5"), "invalid: March 5");
  EXPECT_EQ(Text(n, ""), "");
}

TEST(Normalize, DateFormatNeedsAllParts) {
  EXPECT_FALSE(DateFormat::Compile("YYYY-MM").ok());
}

struct MoneyCase {
  const char* text;
  const char* value;  // nullptr: refused
};

TEST(Normalize, Money) {
  const MoneyCase cases[] = {
      {"$1,234.50", "1234.50"}, {"1234.5", "1234.5"},   {"(12.00)", "-12.00"}, {"$(12.00)", nullptr},
      {"($12.00)", "-12.00"},   {"12.00-", "-12.00"},   {"-$5", "-5"},         {"$-5", "-5"},
      {" 7 ", "7"},             {"1,234,567", "1234567"}, {".5", "0.5"},     {"1,23.4", nullptr},
      {"12,3456", nullptr},     {"$", nullptr},          {"abc", nullptr},     {"--5", nullptr},
      {"(5)-", nullptr},        {"1.2.3", nullptr},
  };
  for (const MoneyCase& c : cases) {
    Decimal d;
    bool ok = ParseMoney(c.text, &d);
    EXPECT_EQ(ok, c.value != nullptr) << c.text;
    if (ok && c.value) {
      EXPECT_EQ(d.ToString(), c.value) << c.text;
    }
  }
}

NormValue Value(const ColumnNormalizer& n, std::string_view raw, std::string& scratch) { return n.Apply(raw, scratch); }

bool Agree(const ColumnNormalizer& n, std::string_view a, std::string_view b) {
  std::string sa, sb;
  NormValue va = Value(n, a, sa);
  NormValue vb = Value(n, b, sb);
  return n.Agree(va, vb);
}

TEST(Tolerance, ExactMoneyWithoutTolerance) {
  auto n = Make({NormalizerKind::kMoney});
  EXPECT_TRUE(Agree(n, "$1,234.50", "1234.5"));  // 1234.50 == 1234.5
  EXPECT_FALSE(Agree(n, "1234.50", "1234.51"));
  EXPECT_TRUE(Agree(n, "(12.00)", "-12"));
  EXPECT_TRUE(Agree(n, "", ""));
  EXPECT_FALSE(Agree(n, "", "0"));
  EXPECT_TRUE(Agree(n, "n/a", "n/a"));   // both unparseable and identical
  EXPECT_FALSE(Agree(n, "n/a", "N/A"));
}

TEST(Tolerance, Absolute) {
  ColumnRule rule;
  rule.normalizers = {NormalizerKind::kMoney};
  rule.absolute_tolerance = Decimal::Parse("0.01").value();
  auto n = ColumnNormalizer::Create(rule, "c").value();
  EXPECT_TRUE(Agree(n, "100.00", "100.01"));   // |diff| = 0.01 <= 0.01
  EXPECT_TRUE(Agree(n, "100.01", "100.00"));
  EXPECT_FALSE(Agree(n, "100.00", "100.02"));  // 0.02 > 0.01
}

TEST(Tolerance, Relative) {
  ColumnRule rule;
  rule.normalizers = {NormalizerKind::kNumber};
  rule.relative_tolerance = Decimal::Parse("0.01").value();  // 1 %
  auto n = ColumnNormalizer::Create(rule, "c").value();
  EXPECT_TRUE(Agree(n, "200", "198"));    // 2 <= 0.01 * 200
  EXPECT_FALSE(Agree(n, "200", "197.9"));  // 2.1 > 2
  EXPECT_TRUE(Agree(n, "-200", "-198"));  // magnitudes
}

TEST(Tolerance, Days) {
  ColumnRule rule;
  rule.normalizers = {NormalizerKind::kDate};
  rule.date_formats = {"YYYY-MM-DD", "MM/DD/YYYY"};
  rule.tolerance_days = 2;
  auto n = ColumnNormalizer::Create(rule, "c").value();
  EXPECT_TRUE(Agree(n, "2024-02-28", "03/01/2024"));   // 2024-02-28 .. 03-01 is 2 days (leap year)
  EXPECT_FALSE(Agree(n, "2023-02-26", "03/01/2023"));  // 2023 has no Feb 29: 3 days
  EXPECT_TRUE(Agree(n, "2024-12-31", "2025-01-01"));
}

TEST(Normalize, RuleValidation) {
  ColumnRule rule;
  rule.normalizers = {NormalizerKind::kMoney, NormalizerKind::kTrim};
  EXPECT_FALSE(ColumnNormalizer::Create(rule, "c").ok());  // typed step must be last
  rule.normalizers = {NormalizerKind::kDate};
  EXPECT_FALSE(ColumnNormalizer::Create(rule, "c").ok());  // no formats
  rule.normalizers = {NormalizerKind::kTrim};
  rule.tolerance_days = 1;
  EXPECT_FALSE(ColumnNormalizer::Create(rule, "c").ok());  // days without date
}

TEST(Normalize, CanonicalNumberText) {
  std::string scratch, a, b;
  auto n = Make({NormalizerKind::kNumber});
  ColumnNormalizer::AppendCanonical(n.Apply("1.50", scratch), &a);
  ColumnNormalizer::AppendCanonical(n.Apply("1.5", scratch), &b);
  EXPECT_EQ(a, "1.5");
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace concord::recon
