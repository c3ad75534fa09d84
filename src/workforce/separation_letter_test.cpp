#include "workforce/separation_letter.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

using nlohmann::json;

const json kWorker = {{"first_name", "Maria"}, {"last_name", "Garcia"}};

json Ended() {
  return {{"id", 7},
          {"status", "ended"},
          {"title", "Payroll Analyst"},
          {"client_name", "Harborview Logistics"},
          {"start_date", "2026-11-02"},
          {"last_day_worked", "2026-11-20"},
          {"end_reason", "resigned"},
          {"final_pay",
           {{"applies", true},
            {"due_date", "2026-11-23"},
            {"rule", "within 72 hours of quitting without notice"},
            {"citation", "Cal. Lab. Code §202(a)"}}}};
}

TEST(SeparationLetter, SaysWhenTheFinalPayIsDue) {
  const pdf::Document doc = SeparationLetter(Ended(), kWorker, "2026-11-21").value();
  const auto& text = std::get<pdf::Paragraph>(doc.blocks.at(1)).text;
  EXPECT_EQ(text.rfind("Dear Maria Garcia,", 0), 0u);
  EXPECT_NE(text.find("ended on 2026-11-20 because you resigned"), std::string::npos);
  EXPECT_NE(text.find("no later than 2026-11-23 (within 72 hours of quitting without notice; Cal. Lab. Code §202(a))"),
            std::string::npos);
  const auto bytes = pdf::Render(doc).value();
  EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
}

TEST(SeparationLetter, OnlyAfterTheEndAndOnlyKnownPlaceholders) {
  json active = Ended();
  active["status"] = "active";
  EXPECT_EQ(SeparationLetter(active, kWorker, "2026-11-21").error().code, "separation.not_ended");
  auto bad = SeparationLetter(Ended(), kWorker, "2026-11-21", "Dear {{worker.nickname}}");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("worker.nickname"), std::string::npos);
}

TEST(SeparationLetter, ContractorsAreToldTheirContractGoverns) {
  json a = Ended();
  a["final_pay"] = {{"applies", false}};
  const auto doc = SeparationLetter(a, kWorker, "2026-11-21").value();
  EXPECT_NE(std::get<pdf::Paragraph>(doc.blocks.at(1)).text.find("under the terms of your contract"), std::string::npos);
}

}  // namespace
}  // namespace concord::workforce
