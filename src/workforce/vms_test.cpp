#include <gtest/gtest.h>

#include "workforce/vms_audit.h"
#include "workforce/vms_mapping.h"

namespace concord::workforce {
namespace {

TEST(VmsMapping, NormalisesTheVmsWays) {
  EXPECT_EQ(NormaliseVmsDate("03/04/2024"), "2024-03-04");
  EXPECT_EQ(NormaliseVmsDate("3/11/2024"), "2024-03-11");
  EXPECT_EQ(NormaliseVmsDate("2024-04-01"), "2024-04-01");
  EXPECT_EQ(NormaliseVmsDate("02/30/2024"), std::nullopt);
  EXPECT_EQ(NormaliseVmsDate("next week"), std::nullopt);
  EXPECT_EQ(NormaliseVmsMoney("$1,050.00"), "1050.00");
  EXPECT_EQ(NormaliseVmsMoney("52.5"), "52.50");
  EXPECT_EQ(NormaliseVmsMoney("-3"), std::nullopt);
  EXPECT_EQ(NormaliseWorkerType("W2"), "w2_employee");
  EXPECT_EQ(NormaliseWorkerType(" 1099 "), "contractor_1099");
  EXPECT_EQ(NormaliseWorkerType("Foreign IC"), "foreign_contractor");
  EXPECT_EQ(NormaliseWorkerType("temp"), std::nullopt);
}

TEST(VmsMapping, FieldglassExportBecomesPsrFields) {
  const std::string csv =
      "Work Order ID,First Name,Last Name,Worker Email,Job Posting Title,Start Date,Bill Rate,Unrelated\n"
      "WO-1,Maria,Garcia,maria@example.com,Analyst,03/04/2024,\"$1,050.00\",x\n";
  const auto rows = ParseVmsExport(csv, "fg.csv", VmsFieldMapping("fieldglass", nullptr)).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].psr["vms_work_order_id"], "WO-1");
  EXPECT_EQ(rows[0].psr["start_date"], "2024-03-04");
  EXPECT_EQ(rows[0].psr["bill_rate"], "1050.00");
  EXPECT_FALSE(rows[0].psr.contains("Unrelated"));
}

TEST(VmsMapping, ErrorsNameFileLineAndColumnAndRefuseTheWholeFile) {
  const std::string csv =
      "Assignment ID,Resource First Name,Assignment Start Date,Pay Rate\n"
      "B-1,Ann,04/08/2024,40\n"
      "B-2,Bo,13/45/2024,41\n"
      "B-1,Cy,04/08/2024,lots\n";
  const auto result = ParseVmsExport(csv, "beeline.csv", VmsFieldMapping("beeline", nullptr));
  ASSERT_FALSE(result.ok());
  const auto& fields = result.error().fields;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].field, "beeline.csv, line 3, column 3 (Assignment Start Date)");
  EXPECT_EQ(fields[1].field, "beeline.csv, line 4, column 4 (Pay Rate)");
  EXPECT_EQ(fields[2].code, "psr_import.duplicate_key");
}

TEST(VmsMapping, ProgrammeOverridesAColumn) {
  const auto mapping = VmsFieldMapping("vndly", {{"Req Number", "vms_work_order_id"}});
  const auto rows = ParseVmsExport("Req Number,Job Title\nR-9,Engineer\n", "v.csv", mapping).value();
  EXPECT_EQ(rows[0].psr["vms_work_order_id"], "R-9");
  EXPECT_EQ(rows[0].psr["title"], "Engineer");
}

// docs/RECONCILE.md worked example 1 (tests/fixtures/vms-audit): 2 matched, 2 mismatched, 1 only in the
// VMS, 1 duplicated key → 2 of 6 work orders agree = 33.3%.
TEST(VmsAudit, AlignmentOfTheWorkedExample) {
  const nlohmann::json summary = {{"matched", 2}, {"mismatched", 2}, {"only_left", 1}, {"only_right", 0},
                                  {"duplicate_keys", 1}};
  EXPECT_EQ(AlignmentPercent(summary), "33.3");
  EXPECT_EQ(AlignmentPercent({{"matched", 7}}), "100.0");
  EXPECT_EQ(AlignmentPercent({{"matched", 2}, {"mismatched", 1}}), "66.7");  // 66.666… rounds half up
  EXPECT_EQ(AlignmentPercent(nlohmann::json::object()), std::nullopt);
}

TEST(VmsAudit, StatusesAsTheVmsShowsThem) {
  EXPECT_EQ(VmsStatus("ending"), "active");
  EXPECT_EQ(VmsStatus("offboarded"), "closed");
  EXPECT_EQ(VmsStatus("cancelled"), "withdrawn");
  EXPECT_EQ(VmsStatus("onboarding"), "pending");
}

TEST(VmsAudit, SpecUsesTheVmsColumnNames) {
  const std::string toml = VmsAuditSpecToml("beeline");
  EXPECT_NE(toml.find("key = [\"Assignment ID\"]"), std::string::npos);
  EXPECT_NE(toml.find("left = \"Assignment End Date\""), std::string::npos);
  EXPECT_NE(toml.find("right = \"manager\""), std::string::npos);
}

}  // namespace
}  // namespace concord::workforce
