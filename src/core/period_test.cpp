#include <gtest/gtest.h>

#include <string>

#include "core/date.h"

namespace concord {
namespace {

Date D(std::string_view text) { return Date::Parse(text).value(); }
Period P(std::string_view from, std::string_view to = "") {
  return Period{D(from), to.empty() ? std::nullopt : std::optional<Date>(D(to))};
}

TEST(Period, MakeRefusesEndBeforeStart) {
  Result<Period> bad = Period::Make(D("2026-02-01"), D("2026-01-31"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "period.ends_before_start");
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "to");
  EXPECT_TRUE(Period::Make(D("2026-02-01"), D("2026-02-01")).ok());  // a one-day period
  EXPECT_TRUE(Period::Make(D("2026-02-01"), std::nullopt).ok());
}

TEST(Period, ContainsBothEndsAndOpenEnd) {
  const Period january = P("2026-01-01", "2026-01-31");
  EXPECT_TRUE(january.Contains(D("2026-01-01")));
  EXPECT_TRUE(january.Contains(D("2026-01-31")));
  EXPECT_FALSE(january.Contains(D("2026-02-01")));
  EXPECT_FALSE(january.Contains(D("2025-12-31")));
  const Period open = P("2026-01-01");
  EXPECT_TRUE(open.IsOpen());
  EXPECT_TRUE(open.Contains(D("9999-12-31")));
  EXPECT_FALSE(open.Contains(D("2025-12-31")));
}

TEST(Period, Overlaps) {
  struct Row {
    Period a, b;
    bool overlaps;
  };
  const std::vector<Row> rows = {
      {P("2026-01-01", "2026-01-31"), P("2026-01-31", "2026-02-28"), true},   // share Jan 31
      {P("2026-01-01", "2026-01-31"), P("2026-02-01", "2026-02-28"), false},  // adjacent, no shared day
      {P("2026-01-01", "2026-12-31"), P("2026-06-01", "2026-06-30"), true},   // nested
      {P("2026-01-01"), P("2025-01-01", "2025-12-31"), false},
      {P("2026-01-01"), P("2025-01-01", "2026-01-01"), true},
      {P("2026-01-01"), P("2030-01-01"), true},  // two open-ended periods always meet
  };
  for (const Row& row : rows) {
    EXPECT_EQ(row.a.Overlaps(row.b), row.overlaps) << row.a.ToString() << " " << row.b.ToString();
    EXPECT_EQ(row.b.Overlaps(row.a), row.overlaps) << row.b.ToString() << " " << row.a.ToString();
  }
}

TEST(Period, IntersectionDaysToString) {
  EXPECT_EQ(P("2026-01-01", "2026-03-31").Intersection(P("2026-03-15")), P("2026-03-15", "2026-03-31"));
  EXPECT_EQ(P("2026-01-01").Intersection(P("2026-05-01")), P("2026-05-01"));
  EXPECT_EQ(P("2026-01-01", "2026-01-31").Intersection(P("2026-02-01")), std::nullopt);
  EXPECT_EQ(P("2024-01-01", "2024-12-31").Days(), 366);
  EXPECT_EQ(P("2026-02-01", "2026-02-01").Days(), 1);
  EXPECT_EQ(P("2026-02-01").Days(), std::nullopt);
  EXPECT_EQ(P("2026-01-01", "2026-12-31").ToString(), "2026-01-01..2026-12-31");
  EXPECT_EQ(P("2026-01-01").ToString(), "2026-01-01..");
}

// A pay rate: 10.00 from 2026-01-01, 12.00 from 2026-07-01.
EffectiveSeries<std::string> Rates() {
  EffectiveSeries<std::string> rates;
  rates.Set(D("2026-07-01"), "12.00");  // recorded out of order on purpose
  rates.Set(D("2026-01-01"), "10.00");
  return rates;
}

TEST(EffectiveSeries, AtReturnsTheValueInForce) {
  const EffectiveSeries<std::string> rates = Rates();
  EXPECT_EQ(rates.At(D("2025-12-31")), nullptr);
  EXPECT_EQ(*rates.At(D("2026-01-01")), "10.00");
  EXPECT_EQ(*rates.At(D("2026-06-30")), "10.00");
  EXPECT_EQ(*rates.At(D("2026-07-01")), "12.00");
  EXPECT_EQ(*rates.At(D("2099-01-01")), "12.00");
  EXPECT_EQ(rates.PeriodAt(D("2026-03-15")), P("2026-01-01", "2026-06-30"));
  EXPECT_EQ(rates.PeriodAt(D("2026-08-01")), P("2026-07-01"));
  EXPECT_EQ(rates.PeriodAt(D("2025-01-01")), std::nullopt);
}

TEST(EffectiveSeries, RetroactiveCorrectionTakesEffectUntilTheNextChange) {
  EffectiveSeries<std::string> rates = Rates();
  rates.Set(D("2026-03-01"), "11.00");  // recorded in November, effective in March
  EXPECT_EQ(*rates.At(D("2026-02-28")), "10.00");
  EXPECT_EQ(*rates.At(D("2026-03-01")), "11.00");
  EXPECT_EQ(*rates.At(D("2026-06-30")), "11.00");
  EXPECT_EQ(*rates.At(D("2026-07-01")), "12.00");
  const auto timeline = rates.Timeline();
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[0].first, P("2026-01-01", "2026-02-28"));
  EXPECT_EQ(timeline[1].first, P("2026-03-01", "2026-06-30"));
  EXPECT_EQ(timeline[2].first, P("2026-07-01"));
  EXPECT_EQ(timeline[2].second, "12.00");
}

TEST(EffectiveSeries, CorrectionOnTheSameDateReplaces) {
  EffectiveSeries<std::string> rates = Rates();
  rates.Set(D("2026-07-01"), "12.50");
  EXPECT_EQ(rates.size(), 2u);
  EXPECT_EQ(*rates.At(D("2026-07-01")), "12.50");
}

TEST(EffectiveSeries, ReplaceFromSupersedesLaterHistory) {
  EffectiveSeries<std::string> rates = Rates();
  rates.ReplaceFrom(D("2026-05-01"), "13.00");
  EXPECT_EQ(rates.size(), 2u);
  EXPECT_EQ(*rates.At(D("2026-04-30")), "10.00");
  EXPECT_EQ(*rates.At(D("2026-08-01")), "13.00");
  EXPECT_TRUE(rates.Erase(D("2026-05-01")));
  EXPECT_FALSE(rates.Erase(D("2026-05-01")));
  EXPECT_EQ(*rates.At(D("2026-08-01")), "10.00");
}

}  // namespace
}  // namespace concord
