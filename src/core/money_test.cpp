#include <gtest/gtest.h>

#include <stdexcept>

#include "core/decimal.h"

namespace concord {
namespace {

Money M(std::string_view amount, std::string currency = "USD") {
  Result<Money> m = Money::Parse(amount, currency);
  EXPECT_TRUE(m.ok()) << amount;
  return m.ok() ? m.value() : Money();
}

// ISO 4217, list one (current currencies), "Minor unit" column.
TEST(Money, Iso4217MinorUnits) {
  const std::vector<std::pair<std::string, int>> table = {
      {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CAD", 2}, {"JPY", 0}, {"BHD", 3}, {"KWD", 3}, {"CHF", 2},
      {"AUD", 2}, {"MXN", 2}, {"INR", 2}, {"KRW", 0}, {"CLF", 4}, {"OMR", 3}, {"ISK", 0},
  };
  for (const auto& [code, digits] : table) EXPECT_EQ(Money::MinorUnits(code), digits) << code;
  EXPECT_EQ(Money::MinorUnits("XYZ"), 2);  // unknown: the common default
}

TEST(Money, ToStringUsesMinorUnits) {
  EXPECT_EQ(M("1234.5").ToString(), "1234.50");
  EXPECT_EQ(M("1234.5", "JPY").ToString(), "1235");  // display rounds half up
  EXPECT_EQ(M("1.2345", "BHD").ToString(), "1.235");
  EXPECT_EQ(M("-0.005").ToString(), "-0.01");
  EXPECT_EQ(M("7", "KWD").ToString(), "7.000");
  EXPECT_EQ(fmt::format("{} {}", M("12.5", "EUR"), "EUR"), "12.50 EUR");
}

TEST(Money, RoundToMinorNamesTheMode) {
  EXPECT_EQ(M("10.125").RoundToMinor(Rounding::kHalfEven).amount().ToString(), "10.12");
  EXPECT_EQ(M("10.125").RoundToMinor(Rounding::kHalfUp).amount().ToString(), "10.13");
  EXPECT_EQ(M("10.125", "JPY").RoundToMinor(Rounding::kDown).amount().ToString(), "10");
  EXPECT_EQ(M("10.125", "EUR").RoundToMinor(Rounding::kUp).currency(), "EUR");
}

TEST(Money, ArithmeticAndComparisonInOneCurrency) {
  EXPECT_EQ((M("10.10") + M("0.05")).ToString(), "10.15");
  EXPECT_EQ((M("10.10") - M("20")).ToString(), "-9.90");
  EXPECT_EQ(M("1.5"), M("1.50"));
  EXPECT_LT(M("1.49"), M("1.5"));
  EXPECT_FALSE(M("1.00", "USD") == M("1.00", "CAD"));
}

TEST(Money, AcrossCurrenciesIsRefused) {
  EXPECT_THROW(M("1", "USD") + M("1", "EUR"), std::invalid_argument);
  EXPECT_THROW(M("1", "USD") - M("1", "EUR"), std::invalid_argument);
  EXPECT_THROW((void)(M("1", "USD") < M("1", "EUR")), std::invalid_argument);
}

TEST(Money, ParseErrors) {
  Result<Money> bad_amount = Money::Parse("12,50", "EUR");
  ASSERT_FALSE(bad_amount.ok());
  EXPECT_EQ(bad_amount.error().code, "decimal.invalid");
  Result<Money> bad_currency = Money::Parse("12.50", "usd");
  ASSERT_FALSE(bad_currency.ok());
  EXPECT_EQ(bad_currency.error().code, "money.invalid_currency");
}

}  // namespace
}  // namespace concord
