// MAPE and WAPE by their definitions (FPP 2nd ed. §3.4), with numbers checked by hand.
#include "wfm/accuracy.h"

#include <gtest/gtest.h>

#include <vector>

namespace concord::wfm {
namespace {

// actual 100, 50, 200; forecast 110, 40, 200.
//   MAPE = (10/100 + 10/50 + 0/200)/3 · 100 = (0.1 + 0.2 + 0)/3 · 100 = 10 %
//   WAPE = (10 + 10 + 0)/(100 + 50 + 200) · 100 = 20/350 · 100 = 5.714… %
TEST(Accuracy, Definitions) {
  const std::vector<double> actual{100, 50, 200}, forecast{110, 40, 200};
  Result<Accuracy> a = MeasureAccuracy(actual, forecast);
  ASSERT_TRUE(a.ok());
  EXPECT_NEAR(*a->mape, 10.0, 1e-12);
  EXPECT_NEAR(*a->wape, 2000.0 / 350.0, 1e-12);
  EXPECT_EQ(a->points, 3);
  EXPECT_EQ(a->zero_actuals, 0);
}

// A zero actual has no percentage error: MAPE leaves it out, WAPE counts its absolute error.
//   actual 0, 10; forecast 2, 12 → MAPE = 2/10 · 100 = 20 %; WAPE = (2 + 2)/10 · 100 = 40 %.
TEST(Accuracy, ZeroActualsLeftOutOfMapeOnly) {
  const std::vector<double> actual{0, 10}, forecast{2, 12};
  Result<Accuracy> a = MeasureAccuracy(actual, forecast);
  ASSERT_TRUE(a.ok());
  EXPECT_NEAR(*a->mape, 20.0, 1e-12);
  EXPECT_NEAR(*a->wape, 40.0, 1e-12);
  EXPECT_EQ(a->zero_actuals, 1);
}

TEST(Accuracy, AllZeroActualsHaveNeither) {
  const std::vector<double> actual{0, 0}, forecast{1, 0};
  Result<Accuracy> a = MeasureAccuracy(actual, forecast);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->mape.has_value());
  EXPECT_FALSE(a->wape.has_value());
}

TEST(Accuracy, Errors) {
  const std::vector<double> one{1}, two{1, 2}, none;
  EXPECT_EQ(MeasureAccuracy(one, two).error().code, "wfm.accuracy_length_mismatch");
  EXPECT_EQ(MeasureAccuracy(none, none).error().code, "wfm.accuracy_empty");
}

}  // namespace
}  // namespace concord::wfm
