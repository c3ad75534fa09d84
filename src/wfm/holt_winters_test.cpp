// Holt-Winters against small examples worked by hand from the recursions in FPP 2nd ed. §7.3 with
// the classical initial states (see holt_winters.h). Period m = 2, α = β = γ = 0.5.
#include "wfm/holt_winters.h"

#include <gtest/gtest.h>

#include <vector>

namespace concord::wfm {
namespace {

constexpr HoltWintersParams kHalf{0.5, 0.5, 0.5, true};

// Additive, y = 10, 20, 14, 24. Every number is a dyadic fraction, so the comparison is exact.
//   ℓ0 = (10 + 20)/2 = 15;  b0 = ((14 − 10)/2 + (24 − 20)/2)/2 = 2;  s(−1) = −5, s(0) = 5.
//   t=1 y=10: ŷ = 15 + 2 − 5 = 12;        ℓ1 = .5(10 + 5) + .5(17) = 16;       b1 = .5(1) + .5(2) = 1.5;
//             s1 = .5(10 − 17) + .5(−5) = −6
//   t=2 y=20: ŷ = 16 + 1.5 + 5 = 22.5;    ℓ2 = .5(15) + .5(17.5) = 16.25;      b2 = .125 + .75 = .875;
//             s2 = .5(20 − 17.5) + .5(5) = 3.75
//   t=3 y=14: ŷ = 17.125 − 6 = 11.125;    ℓ3 = .5(20) + .5(17.125) = 18.5625;  b3 = 1.15625 + .4375
//             = 1.59375;  s3 = .5(14 − 17.125) + .5(−6) = −4.5625
//   t=4 y=24: ŷ = 20.15625 + 3.75 = 23.90625;  ℓ4 = .5(20.25) + .5(20.15625) = 20.203125;
//             b4 = .5(1.640625) + .796875 = 1.6171875;  s4 = .5(24 − 20.15625) + 1.875 = 3.796875
//   ŷ5 = 20.203125 + 1.6171875 − 4.5625 = 17.2578125;  ŷ6 = 20.203125 + 3.234375 + 3.796875 = 27.234375
TEST(HoltWinters, AdditiveHandWorked) {
  const std::vector<double> y{10, 20, 14, 24};
  Result<HoltWintersFit> fit = FitHoltWinters(y, 2, Seasonality::kAdditive, kHalf);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  EXPECT_EQ(fit->fitted, (std::vector<double>{12, 22.5, 11.125, 23.90625}));
  EXPECT_EQ(fit->level, 20.203125);
  EXPECT_EQ(fit->trend, 1.6171875);
  EXPECT_EQ(fit->seasonal, (std::vector<double>{-4.5625, 3.796875}));
  EXPECT_EQ(ForecastHoltWinters(*fit, 4),
            (std::vector<double>{17.2578125, 27.234375, 17.2578125 + 2 * 1.6171875,
                                 27.234375 + 2 * 1.6171875}));
  // SSE = 2² + 2.5² + 2.875² + 0.09375² = 4 + 6.25 + 8.265625 + 0.0087890625
  EXPECT_DOUBLE_EQ(fit->sse, 18.5244140625);
}

// Multiplicative, y = 8, 12, 12, 18.
//   ℓ0 = 10;  b0 = ((12 − 8)/2 + (18 − 12)/2)/2 = 2.5;  s(−1) = 0.8, s(0) = 1.2.
//   t=1 y=8:  ŷ = 12.5·0.8 = 10;  ℓ1 = .5(8/.8) + .5(12.5) = 11.25;  b1 = .625 + 1.25 = 1.875;
//             s1 = .5·8/12.5 + .5·.8 = .72
//   t=2 y=12: ŷ = 13.125·1.2 = 15.75;  ℓ2 = .5(10) + .5(13.125) = 11.5625;  b2 = .15625 + .9375 = 1.09375;
//             s2 = .5·12/13.125 + .6 = 16/35 + 21/35 = 37/35
//   t=3 y=12: ŷ = 12.65625·.72 = 9.1125;  ℓ3 = .5(12/.72) + .5(12.65625) = 25/3 + 6.328125 = 14.6614583…;
//             b3 = .5(3.0989583…) + .546875 = 2.0963541…;  s3 = 6/12.65625 + .36 = 64/135 + .36 = .8340740…
//   t=4 y=18: ŷ = 16.7578125·37/35 = 17.7154017…;  ℓ4 = 9·35/37 + .5(16.7578125) = 16.8924197…;
//             b4 = .5(2.2309614…) + 1.0481770… = 2.1636578…;  s4 = 9/16.7578125 + 37/70 = 1.0656343…
//   ŷ5 = (ℓ4 + b4)·s3 = 19.0560775…·.8340740… = 15.8941802…
//   ŷ6 = (ℓ4 + 2·b4)·s4 = 21.2197353…·1.0656343… = 22.6124792…
TEST(HoltWinters, MultiplicativeHandWorked) {
  const std::vector<double> y{8, 12, 12, 18};
  Result<HoltWintersFit> fit = FitHoltWinters(y, 2, Seasonality::kMultiplicative, kHalf);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  ASSERT_EQ(fit->fitted.size(), 4u);
  EXPECT_NEAR(fit->fitted[0], 10, 1e-12);
  EXPECT_NEAR(fit->fitted[1], 15.75, 1e-12);
  EXPECT_NEAR(fit->fitted[2], 9.1125, 1e-12);
  EXPECT_NEAR(fit->fitted[3], 16.7578125 * 37 / 35, 1e-12);
  EXPECT_NEAR(fit->level, 16.8924197, 1e-7);
  EXPECT_NEAR(fit->trend, 2.1636578, 1e-7);
  EXPECT_NEAR(fit->seasonal[0], 64.0 / 135 + 0.36, 1e-12);
  EXPECT_NEAR(fit->seasonal[1], 9 / 16.7578125 + 37.0 / 70, 1e-12);
  const std::vector<double> f = ForecastHoltWinters(*fit, 2);
  EXPECT_NEAR(f[0], 15.8941802, 1e-7);
  EXPECT_NEAR(f[1], 22.6124792, 1e-7);
}

// A series that is exactly level + season is reproduced exactly for any smoothing.
TEST(HoltWinters, ExactSeasonalPatternIsForecastExactly) {
  const std::vector<double> pattern{100, 140, 130, 120, 90, 40, 30};
  std::vector<double> y;
  for (int w = 0; w < 4; ++w) y.insert(y.end(), pattern.begin(), pattern.end());
  for (Seasonality s : {Seasonality::kAdditive, Seasonality::kMultiplicative}) {
    Result<HoltWintersFit> fit = FitHoltWinters(y, 7, s, {0.3, 0.1, 0.2, true});
    ASSERT_TRUE(fit.ok());
    const std::vector<double> f = ForecastHoltWinters(*fit, 7);
    for (int i = 0; i < 7; ++i) EXPECT_NEAR(f[i], pattern[i], 1e-9) << i;
  }
}

TEST(HoltWinters, Errors) {
  const std::vector<double> three{1, 2, 3};
  EXPECT_EQ(FitHoltWinters(three, 2, Seasonality::kAdditive, kHalf).error().code,
            "wfm.history_too_short");
  const std::vector<double> with_zero{1, 0, 2, 3};
  EXPECT_EQ(FitHoltWinters(with_zero, 2, Seasonality::kMultiplicative, kHalf).error().code,
            "wfm.history_not_positive");
  EXPECT_EQ(FitHoltWinters(with_zero, 2, Seasonality::kAdditive, {1.5, 0, 0, true}).error().code,
            "wfm.smoothing_invalid");
}

TEST(HoltWinters, AutoFitIsNoWorseThanAFixedChoice) {
  const std::vector<double> y{10, 20, 14, 24, 18, 28, 21, 33, 24, 35};
  Result<HoltWintersFit> fixed = FitHoltWinters(y, 2, Seasonality::kAdditive, {0.45, 0.45, 0.45, true});
  Result<HoltWintersFit> best = FitHoltWintersAuto(y, 2, Seasonality::kAdditive);
  ASSERT_TRUE(fixed.ok());
  ASSERT_TRUE(best.ok());
  EXPECT_LE(best->sse, fixed->sse);
}

}  // namespace
}  // namespace concord::wfm
