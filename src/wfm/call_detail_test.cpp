// Reading call-detail CSV: the fixture's values by hand, and errors that name line and column.
#include "wfm/call_detail.h"

#include <gtest/gtest.h>

namespace concord::wfm {
namespace {

TEST(CallDetail, ReadsRowsInAnyColumnOrderIgnoringExtras) {
  const std::string csv =
      "Queue,Call_ID,arrived_at,trunk,outcome,handle_s,wait_s\r\n"
      "Billing,c-1,2026-03-02T09:05:00-05:00,T1,answered,245,12\r\n"
      "billing,c-2,2026-03-02T14:06:30Z,T2,ABANDONED,0,\r\n";
  auto calls = ParseCallDetail(csv, "cdr.csv");
  ASSERT_TRUE(calls.ok()) << calls.error().message;
  ASSERT_EQ(calls->size(), 2u);
  EXPECT_EQ((*calls)[0].queue, "billing");
  EXPECT_EQ((*calls)[0].call_id, "c-1");
  EXPECT_EQ((*calls)[0].arrived.ToString(), "2026-03-02T14:05:00Z");  // 09:05 EST = 14:05 UTC
  EXPECT_TRUE((*calls)[0].answered);
  EXPECT_EQ((*calls)[0].handle_s, 245);
  EXPECT_EQ((*calls)[0].wait_s, 12);
  EXPECT_EQ((*calls)[1].line, 3);
  EXPECT_FALSE((*calls)[1].answered);
  EXPECT_EQ((*calls)[1].wait_s, 0);
}

TEST(CallDetail, EveryBadCellIsNamedAndNothingIsAccepted) {
  const std::string csv =
      "call_id,queue,arrived_at,outcome,handle_s\n"
      "c-1,billing,2026-03-02 09:05,answered,120\n"   // no offset: not RFC 3339
      "c-2,Bill ing,2026-03-02T09:05:00Z,hung up,-4\n"
      "c-1,billing,2026-03-02T09:06:00Z,answered,60\n";
  auto calls = ParseCallDetail(csv, "cdr.csv");
  ASSERT_FALSE(calls.ok());
  EXPECT_EQ(calls.error().code, "import.invalid");
  const auto& f = calls.error().fields;
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].field, "cdr.csv, line 2, column 3 (arrived_at)");
  EXPECT_EQ(f[1].field, "cdr.csv, line 3, column 2 (queue)");
  EXPECT_EQ(f[2].field, "cdr.csv, line 3, column 4 (outcome)");
  EXPECT_EQ(f[3].field, "cdr.csv, line 3, column 5 (handle_s)");
  EXPECT_EQ(f[4].code, "import.duplicate_call");
  EXPECT_EQ(f[4].field, "cdr.csv, line 4, column 1 (call_id)");
}

TEST(CallDetail, MissingColumnsAndEmptyFiles) {
  auto missing = ParseCallDetail("call_id,queue,arrived_at\n", "x.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.size(), 2u);  // outcome, handle_s
  EXPECT_EQ(ParseCallDetail("", "x.csv").error().code, "import.empty");
  EXPECT_TRUE(ValidQueueKey("payroll_l1"));
  EXPECT_FALSE(ValidQueueKey("Payroll"));
  EXPECT_FALSE(ValidQueueKey(""));
}

}  // namespace
}  // namespace concord::wfm
