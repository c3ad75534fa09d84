// Timecard exports: rate categories as the VMSs write them, weeks assembled Monday to Sunday, and every
// bad cell named by line and column.
#include "workforce/timecard_import.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

TEST(TimecardImport, RateCategoriesAndStatusesAsTheVmsWritesThem) {
  EXPECT_EQ(NormaliseRateCategory("ST/Hr"), "regular");
  EXPECT_EQ(NormaliseRateCategory(" REG "), "regular");
  EXPECT_EQ(NormaliseRateCategory("OT/Hr"), "overtime");
  EXPECT_EQ(NormaliseRateCategory("Double Time"), "double_time");
  EXPECT_EQ(NormaliseRateCategory("Per Diem"), std::nullopt);
  EXPECT_EQ(NormaliseSheetStatus("Saved"), "draft");
  EXPECT_EQ(NormaliseSheetStatus("Approved"), "approved");
  EXPECT_EQ(NormaliseSheetStatus("Paid"), std::nullopt);
}

TEST(TimecardImport, RowsOfAWorkOrdersWeekBecomeOneWeekFromMonday) {
  // 2026-11-08 is a Sunday (the last day of the week of Monday 2026-11-02); 2026-11-09 starts the next.
  const std::string csv =
      "Assignment ID,Work Date,Pay Code,Hours\n"
      "B-1,11/02/2026,REG,8\n"
      "B-1,11/08/2026,OT,3.5\n"
      "B-1,11/09/2026,REG,4\n";
  const auto weeks = TimecardFieldMapping("beeline", nullptr);
  auto parsed = ParseTimecardExport(csv, "b.csv", weeks);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].week_start, "2026-11-02");
  EXPECT_EQ((*parsed)[0].hours["regular"][0], "8");
  EXPECT_EQ((*parsed)[0].hours["overtime"][6], "3.5");
  EXPECT_EQ((*parsed)[1].week_start, "2026-11-09");
  EXPECT_EQ((*parsed)[1].first_line, 4);
}

TEST(TimecardImport, EveryProblemIsNamedAndNothingIsKept) {
  const std::string csv =
      "Work Order ID,Date,Hour Type,Hours\n"
      "W-1,2026-11-02,Regular,8\n"
      "W-1,2026-11-02,Regular,8\n"      // the same day and category twice
      "W-1,2026-13-02,Regular,8\n"      // no 13th month
      "W-1,2026-11-03,Regular,8.125\n"  // three decimals
      ",2026-11-04,Regular,8\n";        // no work order
  auto parsed = ParseTimecardExport(csv, "v.csv", TimecardFieldMapping("vndly", nullptr));
  ASSERT_FALSE(parsed.ok());
  ASSERT_EQ(parsed.error().fields.size(), 4u);
  EXPECT_EQ(parsed.error().fields[0].field, "v.csv, line 3");
  EXPECT_EQ(parsed.error().fields[1].field, "v.csv, line 4, column 2 (Date)");
  EXPECT_EQ(parsed.error().fields[2].field, "v.csv, line 5, column 4 (Hours)");
  EXPECT_EQ(parsed.error().fields[3].field, "v.csv, line 6, column 1 (Work Order ID)");
  auto missing = ParseTimecardExport("Work Order ID,Date\nW-1,2026-11-02\n", "v.csv", TimecardFieldMapping("vndly", nullptr));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.at(0).code, "timecard_import.column_missing");
}

}  // namespace
}  // namespace concord::workforce
