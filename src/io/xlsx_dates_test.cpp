// Serial days against Microsoft's "Date systems in Excel" (support.microsoft.com): January 1, 2008 is
// 39448 in the 1900 system and 37986 in the 1904 system; 1 is 1900-01-01, 0 is 1904-01-01, and the
// 1900 system counts the non-existent 1900-02-29 as day 60.
#include "io/xlsx_dates.h"

#include <gtest/gtest.h>

namespace concord::io {
namespace {

std::string Iso(std::string_view serial, bool date1904, bool with_time = false) {
  auto day = SerialToIso(serial, date1904, with_time);
  return day.ok() ? *day : "error: " + day.error().message;
}

TEST(XlsxDates, MicrosoftExamplesInBothSystems) {
  EXPECT_EQ(Iso("39448", false), "2008-01-01");
  EXPECT_EQ(Iso("37986", true), "2008-01-01");
  EXPECT_EQ(Iso("1", false), "1900-01-01");
  EXPECT_EQ(Iso("0", true), "1904-01-01");
  EXPECT_EQ(Iso("2958465", false), "9999-12-31");  // Excel's last day
}

TEST(XlsxDates, TheLotusLeapDayIsSkipped) {
  EXPECT_EQ(Iso("59", false), "1900-02-28");
  EXPECT_EQ(Iso("61", false), "1900-03-01");
  EXPECT_EQ(Iso("60", false), "error: serial 60 is 1900-02-29, a day that does not exist");
  EXPECT_EQ(Iso("60", true), "1904-03-01");  // 1904 is a leap year: Jan 31 + Feb 29 days
}

TEST(XlsxDates, TimeOfDayOnlyWhenTheFormatShowsIt) {
  EXPECT_EQ(Iso("39448.5", false), "2008-01-01");
  EXPECT_EQ(Iso("39448.5", false, true), "2008-01-01T12:00:00");
  EXPECT_EQ(Iso("39448.75", false, true), "2008-01-01T18:00:00");
  EXPECT_EQ(Iso("39448", false, true), "2008-01-01");
}

TEST(XlsxDates, NotADay) {
  EXPECT_EQ(Iso("0", false), "error: serial 0 is before 1900-01-01");
  EXPECT_EQ(Iso("-1", true), "error: serial -1 is before 1904-01-01");
  EXPECT_EQ(Iso("2958466", false), "error: serial 2958466 is after 9999-12-31");
  EXPECT_EQ(Iso("1e300", false), "error: serial 1e300 is after 9999-12-31");
  EXPECT_EQ(Iso("abc", false), "error: \"abc\" is not a serial day number");
}

TEST(XlsxDates, FormatRule) {
  // Built-in ids (ECMA-376 Part 1 §18.8.30): 14 "mm-dd-yy", 22 "m/d/yy h:mm", 20 "h:mm", 2 "0.00".
  EXPECT_TRUE(ClassifyNumberFormat(14, "").date);
  EXPECT_FALSE(ClassifyNumberFormat(14, "").time);
  EXPECT_TRUE(ClassifyNumberFormat(22, "").time);
  EXPECT_FALSE(ClassifyNumberFormat(20, "").date);
  EXPECT_FALSE(ClassifyNumberFormat(2, "").date);
  EXPECT_TRUE(ClassifyNumberFormat(164, "dd/mm/yyyy").date);
  EXPECT_TRUE(ClassifyNumberFormat(164, "yyyy-mm-dd hh:mm").time);
  EXPECT_FALSE(ClassifyNumberFormat(164, "[h]:mm:ss").date);
  EXPECT_FALSE(ClassifyNumberFormat(164, "0.00\" days\"").date);     // quoted text
  EXPECT_FALSE(ClassifyNumberFormat(164, "[Red]#,##0;\\d0").date);  // colour, escaped d in section 2
  EXPECT_FALSE(ClassifyNumberFormat(164, "#,##0_d").date);          // padding
  EXPECT_FALSE(ClassifyNumberFormat(164, "General").date);
}

}  // namespace
}  // namespace concord::io
