#include <gtest/gtest.h>

#include "core/date.h"

namespace concord {
namespace {

Instant I(std::string_view text) {
  Result<Instant> t = Instant::Parse(text);
  EXPECT_TRUE(t.ok()) << text << ": " << (t.ok() ? "" : t.error().message);
  return t.ok() ? t.value() : Instant();
}

// Unix times known independently: 2000-01-01T00:00:00Z = 946684800; the "billennium" 10^9 s fell on
// 2001-09-09T01:46:40Z; 2026-01-01T00:00:00Z = 1767225600, and 2026-11-22 is 325 days later (+28080000 s).
TEST(Instant, KnownUnixTimes) {
  EXPECT_EQ(I("2000-01-01T00:00:00Z").unix_seconds(), 946684800);
  EXPECT_EQ(I("2001-09-09T01:46:40Z").unix_seconds(), 1000000000);
  EXPECT_EQ(I("2026-01-01T00:00:00Z").unix_seconds(), 1767225600);
  EXPECT_EQ(Instant::FromUnixSeconds(1767225600 + 28080000 + 3 * 3600 + 58 * 60).ToString(),
            "2026-11-22T03:58:00Z");
  EXPECT_EQ(Instant().ToString(), "1970-01-01T00:00:00Z");
}

TEST(Instant, OffsetsNameTheSameMoment) {
  const Instant utc = I("2026-11-22T03:58:00Z");
  EXPECT_EQ(I("2026-11-21T22:58:00-05:00"), utc);  // New York, EST
  EXPECT_EQ(I("2026-11-22T09:28:00+05:30"), utc);  // India
  EXPECT_EQ(I("2026-11-22T03:58:00+00:00"), utc);
  EXPECT_EQ(I("2026-11-22t03:58:00z"), utc);
  EXPECT_EQ(I("2026-11-22 03:58:00Z"), utc);
  EXPECT_EQ(I("2026-11-22T03:58:00.999Z"), utc);  // fractions truncated to the second
  EXPECT_EQ(I("2026-11-21T22:58:00-05:00").ToString(), "2026-11-22T03:58:00Z");
  EXPECT_EQ(I("2026-12-31T23:30:00-01:00").UtcDate().ToString(), "2027-01-01");
}

TEST(Instant, RefusesWhatIsNotRfc3339) {
  for (std::string_view text :
       {"2026-11-22", "2026-11-22T03:58Z", "2026-11-22T03:58:00", "2026-11-22T24:00:00Z",
        "2026-11-22T03:60:00Z", "2016-12-31T23:59:60Z", "2026-02-29T00:00:00Z", "2026-11-22T03:58:00+0500",
        "2026-11-22T03:58:00.Z", "2026-11-22T03:58:00 Z", "2026-11-22X03:58:00Z",
        "2026-11-22T03:58:00+05:60"}) {
    Result<Instant> t = Instant::Parse(text);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_EQ(t.error().code, "instant.invalid");
    EXPECT_NE(t.error().message.find(std::string(text)), std::string::npos);
  }
}

TEST(Instant, ArithmeticAndOrder) {
  const Instant t = I("2026-11-22T23:30:00Z");
  EXPECT_EQ((t + std::chrono::minutes(45)).ToString(), "2026-11-23T00:15:00Z");
  EXPECT_EQ((t - std::chrono::hours(24)).ToString(), "2026-11-21T23:30:00Z");
  EXPECT_EQ(I("2026-11-23T00:15:00Z") - t, std::chrono::minutes(45));
  EXPECT_LT(t, t + std::chrono::seconds(1));
  EXPECT_EQ(fmt::format("{}", t), "2026-11-22T23:30:00Z");
}

}  // namespace
}  // namespace concord
