#include "core/decimal.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace concord {
namespace {

Decimal D(std::string_view text) {
  Result<Decimal> d = Decimal::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? d.value() : Decimal();
}

TEST(DecimalParse, KeepsWrittenScale) {
  struct Row {
    std::string_view text;
    std::string canonical;
    int scale;
  };
  const std::vector<Row> rows = {
      {"-1234.5600", "-1234.5600", 4},
      {"+7", "7", 0},
      {".5", "0.5", 1},
      {"1.50", "1.50", 2},
      {"0", "0", 0},
      {"-0.00", "0.00", 2},
      {"5.", "5", 0},
      {"007.10", "7.10", 2},
      {"0.000000000000000001", "0.000000000000000001", 18},
  };
  for (const Row& row : rows) {
    Decimal d = D(row.text);
    EXPECT_EQ(d.ToString(), row.canonical) << row.text;
    EXPECT_EQ(d.scale(), row.scale) << row.text;
  }
}

TEST(DecimalParse, RefusesWhatIsNotAPlainDecimal) {
  for (std::string_view text :
       {"", "-", "+", ".", "1e3", "1.2.3", "12a", " 1", "1 ", "--1", "1,000.00", "0.0000000000000000001"}) {
    Result<Decimal> d = Decimal::Parse(text);
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.error().code, "decimal.invalid");
    EXPECT_NE(d.error().message.find(std::string(text)), std::string::npos) << d.error().message;
  }
}

TEST(DecimalParse, LargestCoefficientAndOneBeyond) {
  // 2^127 - 1 = 170141183460469231731687303715884105727.
  EXPECT_EQ(D("170141183460469231731687303715884105727").ToString(),
            "170141183460469231731687303715884105727");
  EXPECT_EQ(D("-17014118346046923173168730371588410.5727").ToString(),
            "-17014118346046923173168730371588410.5727");
  EXPECT_FALSE(Decimal::Parse("170141183460469231731687303715884105728").ok());
  EXPECT_FALSE(Decimal::Parse("-170141183460469231731687303715884105728").ok());
}

TEST(DecimalFormat, FromPartsAndInt) {
  EXPECT_EQ(Decimal::FromParts(12345, 2).ToString(), "123.45");
  EXPECT_EQ(Decimal::FromParts(-5, 3).ToString(), "-0.005");
  EXPECT_EQ(Decimal::FromParts(0, 2).ToString(), "0.00");
  EXPECT_EQ(Decimal::FromInt(-42).ToString(), "-42");
  EXPECT_EQ(Decimal::FromInt(INT64_MIN).ToString(), "-9223372036854775808");
  EXPECT_EQ(fmt::format("rate {}", Decimal::FromParts(725, 4)), "rate 0.0725");
  EXPECT_THROW(Decimal::FromParts(1, 19), std::invalid_argument);
  EXPECT_THROW(Decimal::FromParts(1, -1), std::invalid_argument);
}

// java.math.RoundingMode documentation: "Summary of Rounding Operations Under Different Rounding Modes",
// each input rounded to one digit (scale 0).
TEST(DecimalRound, JavaRoundingModeTable) {
  const std::vector<std::string_view> inputs = {"5.5",  "2.5",  "1.6",  "1.1",  "1.0",
                                                "-1.0", "-1.1", "-1.6", "-2.5", "-5.5"};
  struct Row {
    Rounding mode;
    const char* name;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {Rounding::kUp, "UP", {"6", "3", "2", "2", "1", "-1", "-2", "-2", "-3", "-6"}},
      {Rounding::kDown, "DOWN", {"5", "2", "1", "1", "1", "-1", "-1", "-1", "-2", "-5"}},
      {Rounding::kCeiling, "CEILING", {"6", "3", "2", "2", "1", "-1", "-1", "-1", "-2", "-5"}},
      {Rounding::kFloor, "FLOOR", {"5", "2", "1", "1", "1", "-1", "-2", "-2", "-3", "-6"}},
      {Rounding::kHalfUp, "HALF_UP", {"6", "3", "2", "1", "1", "-1", "-1", "-2", "-3", "-6"}},
      {Rounding::kHalfEven, "HALF_EVEN", {"6", "2", "2", "1", "1", "-1", "-1", "-2", "-2", "-6"}},
  };
  for (const Row& row : rows) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      EXPECT_EQ(D(inputs[i]).Round(0, row.mode).ToString(), row.expected[i]) << row.name << " " << inputs[i];
    }
  }
}

TEST(DecimalRound, AtOtherScales) {
  EXPECT_EQ(D("2.345").Round(2, Rounding::kHalfUp).ToString(), "2.35");
  EXPECT_EQ(D("2.345").Round(2, Rounding::kHalfEven).ToString(), "2.34");
  EXPECT_EQ(D("2.355").Round(2, Rounding::kHalfEven).ToString(), "2.36");
  EXPECT_EQ(D("2.3451").Round(2, Rounding::kHalfEven).ToString(), "2.35");  // above the half: not a tie
  EXPECT_EQ(D("-0.001").Round(2, Rounding::kFloor).ToString(), "-0.01");
  EXPECT_EQ(D("-0.001").Round(2, Rounding::kCeiling).ToString(), "0.00");
  EXPECT_EQ(D("0.5").Round(0, Rounding::kHalfEven).ToString(), "0");
  EXPECT_EQ(D("1.5").Round(4, Rounding::kDown).ToString(), "1.5000");  // widening is exact
  EXPECT_EQ(D("999.995").ToString(2, Rounding::kHalfUp), "1000.00");
}

TEST(DecimalRescale, WidensAndDropsOnlyZeros) {
  EXPECT_EQ(D("1.5").Rescale(3).ToString(), "1.500");
  EXPECT_EQ(D("1.500").Rescale(1).ToString(), "1.5");
  EXPECT_THROW(D("1.25").Rescale(1), std::invalid_argument);
}

TEST(DecimalArithmetic, AddSubtractAlignScales) {
  EXPECT_EQ((D("0.1") + D("0.2")).ToString(), "0.3");  // the classic binary floating-point failure
  EXPECT_EQ((D("1.5") + D("2.25")).ToString(), "3.75");
  EXPECT_EQ((D("10") - D("0.01")).ToString(), "9.99");
  EXPECT_EQ((D("-1.10") - D("-1.1")).ToString(), "0.00");
  Decimal total = D("0");
  for (int i = 0; i < 10; ++i) total += D("0.10");
  EXPECT_EQ(total.ToString(), "1.00");
  EXPECT_EQ((-D("3.5")).ToString(), "-3.5");
  EXPECT_EQ(D("-3.5").Abs().ToString(), "3.5");
}

TEST(DecimalArithmetic, MultiplyIsExact) {
  EXPECT_EQ((D("1.25") * D("0.3")).ToString(), "0.375");
  EXPECT_EQ((D("-2") * D("3.5")).ToString(), "-7.0");
  EXPECT_EQ((D("40") * D("15.75")).ToString(), "630.00");  // 40 hours at 15.75
  // Scale 12 × scale 12 = 24 > 18: rounded to 18 with half-even. 0.000000000001² = 1e-24 -> 0.
  EXPECT_EQ((D("0.000000000001") * D("0.000000000001")).ToString(), "0.000000000000000000");
  EXPECT_EQ((D("0.000000001500") * D("0.000000001")).ToString(), "0.000000000000000002");  // 1.5e-18 -> 2e-18
}

TEST(DecimalArithmetic, MultiplyRounded) {
  // 7.25% sales tax on 19.99 = 1.449275 -> 1.45 (half up), 1.44 (down).
  EXPECT_EQ(Decimal::MultiplyRounded(D("19.99"), D("0.0725"), 2, Rounding::kHalfUp).ToString(), "1.45");
  EXPECT_EQ(Decimal::MultiplyRounded(D("19.99"), D("0.0725"), 2, Rounding::kDown).ToString(), "1.44");
  EXPECT_EQ(Decimal::MultiplyRounded(D("-19.99"), D("0.0725"), 2, Rounding::kFloor).ToString(), "-1.45");
  EXPECT_EQ(Decimal::MultiplyRounded(D("2"), D("3"), 2, Rounding::kDown).ToString(), "6.00");
  // The product needs more than 128 bits before it is rounded back: (10^20 + 0.5) × 10^18 at scale 0.
  EXPECT_EQ(Decimal::MultiplyRounded(D("100000000000000000000.500000000000000000"), D("1000000000000000000"),
                                     0, Rounding::kHalfEven)
                .ToString(),
            "100000000000000000000500000000000000000");
}

TEST(DecimalDivide, RoundsAsAsked) {
  auto div = [](std::string_view a, std::string_view b, int scale, Rounding mode) {
    Result<Decimal> q = Decimal::Divide(D(a), D(b), scale, mode);
    EXPECT_TRUE(q.ok());
    return q.ok() ? q->ToString() : std::string("error");
  };
  EXPECT_EQ(div("1", "3", 4, Rounding::kHalfUp), "0.3333");
  EXPECT_EQ(div("2", "3", 4, Rounding::kHalfUp), "0.6667");
  EXPECT_EQ(div("2", "3", 4, Rounding::kDown), "0.6666");
  EXPECT_EQ(div("-2", "3", 2, Rounding::kFloor), "-0.67");
  EXPECT_EQ(div("-2", "3", 2, Rounding::kCeiling), "-0.66");
  EXPECT_EQ(div("10", "4", 0, Rounding::kHalfEven), "2");  // 2.5 -> 2
  EXPECT_EQ(div("14", "4", 0, Rounding::kHalfEven), "4");  // 3.5 -> 4
  EXPECT_EQ(div("100.00", "3", 2, Rounding::kHalfUp), "33.33");
  EXPECT_EQ(div("1.000", "0.25", 1, Rounding::kDown), "4.0");
  EXPECT_EQ(div("52000", "26", 2, Rounding::kHalfUp), "2000.00");  // salary per biweekly period
  EXPECT_EQ(div("0.000000000000000001", "1000000000000000000", 18, Rounding::kUp), "0.000000000000000001");
  EXPECT_EQ(div("1", "7", 18, Rounding::kHalfEven), "0.142857142857142857");
  // 5·10^19 / 0.7 = (50/7)·10^19, and 50/7 = 7.142857 142857 ...; the scaled numerator 5·10^38 needs more
  // than 128 bits. The 19th fraction digit is 4, so half-even keeps ...571 and up makes it ...572.
  EXPECT_EQ(div("50000000000000000000", "0.7", 18, Rounding::kHalfEven),
            "71428571428571428571.428571428571428571");
  EXPECT_EQ(div("50000000000000000000", "0.7", 18, Rounding::kUp), "71428571428571428571.428571428571428572");
  EXPECT_EQ(div("-50000000000000000000", "0.7", 18, Rounding::kFloor),
            "-71428571428571428571.428571428571428572");
}

TEST(DecimalDivide, ByZeroAndOverflowAreErrors) {
  Result<Decimal> q = Decimal::Divide(D("1"), D("0.00"), 2, Rounding::kHalfUp);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, "decimal.division_by_zero");
  Result<Decimal> big =
      Decimal::Divide(D("100000000000000000000000000000"), D("0.000000000000000001"), 18, Rounding::kHalfUp);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, "decimal.overflow");
}

TEST(DecimalOverflow, OperatorsThrowInsteadOfWrapping) {
  const Decimal max = D("170141183460469231731687303715884105727");
  EXPECT_THROW(max + D("1"), std::overflow_error);
  EXPECT_THROW(-max - D("1"), std::overflow_error);
  EXPECT_THROW(max * D("2"), std::overflow_error);
  EXPECT_THROW(max.Rescale(1), std::overflow_error);
  // Aligning 2·10^20 to scale 18 needs a coefficient of 2·10^38 > 2^127 - 1.
  EXPECT_THROW(D("200000000000000000000") + D("0.000000000000000001"), std::overflow_error);
  EXPECT_EQ((D("100000000000000000000") + D("0.000000000000000001")).ToString(),
            "100000000000000000000.000000000000000001");
  EXPECT_EQ((max - max).ToString(), "0");
}

TEST(DecimalCompare, NumericNotTextual) {
  EXPECT_EQ(D("1.5"), D("1.50"));
  EXPECT_EQ(D("0"), D("-0.000"));
  EXPECT_LT(D("-2"), D("-1.99"));
  EXPECT_LT(D("1.99"), D("2"));
  EXPECT_GT(D("0.001"), D("0"));
  EXPECT_LT(D("-0.001"), D("0"));
  // Comparing across scales must not overflow when aligning.
  EXPECT_GT(D("170141183460469231731687303715884105727"), D("0.000000000000000001"));
  EXPECT_LT(D("-170141183460469231731687303715884105727"), D("-0.000000000000000001"));
}

}  // namespace
}  // namespace concord
