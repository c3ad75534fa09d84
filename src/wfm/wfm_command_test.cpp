// `concord wfm staffing` through CLI11, as a user would type it.
#include "wfm/wfm_command.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace concord::wfm {
namespace {

TEST(WfmCommand, TextOutputForCase4) {
  StaffingRequest r;
  r.contacts = 100;
  r.interval_s = 1800;
  r.aht_s = 180;
  r.target_sl = 0.8;
  r.target_s = 20;
  r.shrinkage = 0.3;
  r.max_occupancy = 0.85;
  std::ostringstream out, err;
  EXPECT_EQ(RunStaffingCommand(r, false, out, err), 0);
  EXPECT_NE(out.str().find("agents         14\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("positions      20"), std::string::npos);
  EXPECT_NE(out.str().find("service level  88.8%"), std::string::npos);
  EXPECT_NE(out.str().find("ASA            7.8 s"), std::string::npos);
  EXPECT_NE(out.str().find("occupancy      71.4%"), std::string::npos);
}

TEST(WfmCommand, ParsesArgumentsAndPercentages) {
  CLI::App app("concord");
  AddWfmCommand(app);
  testing::internal::CaptureStdout();
  app.parse("wfm staffing --contacts 100 --interval-min 30 --aht-s 180 --target-sl 80 --target-s 20 "
            "--shrinkage 30 --max-occupancy 0.70 --json",
            false);
  const nlohmann::json j = nlohmann::json::parse(testing::internal::GetCapturedStdout());
  EXPECT_EQ(j["model"], "erlang_c");
  EXPECT_EQ(j["agents"], 15);  // conformance case #5: the occupancy cap binds
  EXPECT_EQ(j["positions"], 22);
  EXPECT_NEAR(j["occupancy"].get<double>(), 0.667, 5e-4);
}

TEST(WfmCommand, PatienceSelectsErlangA) {
  CLI::App app("concord");
  AddWfmCommand(app);
  testing::internal::CaptureStdout();
  app.parse("wfm staffing --contacts 100 --interval-min 30 --aht-s 180 --target-sl 0.8 --target-s 20 "
            "--shrinkage 0.3 --max-occupancy 0.85 --patience-s 300 --max-abandonment 0.05 --json",
            false);
  const nlohmann::json j = nlohmann::json::parse(testing::internal::GetCapturedStdout());
  EXPECT_EQ(j["model"], "erlang_a");
  EXPECT_EQ(j["agents"], 13);  // conformance case #9
  EXPECT_EQ(j["positions"], 19);
  EXPECT_NEAR(j["p_abandon"].get<double>(), 0.024963, 5e-7);
}

TEST(WfmCommand, InvalidInputExitsWithCoreCode) {
  CLI::App app("concord");
  AddWfmCommand(app);
  testing::internal::CaptureStderr();
  try {
    app.parse("wfm staffing --contacts 100 --interval-min 30 --aht-s 0 --target-sl 0.8 --target-s 20",
              false);
    FAIL() << "expected an error";
  } catch (const CLI::RuntimeError& e) {
    EXPECT_EQ(e.get_exit_code(), 1);
  }
  EXPECT_NE(testing::internal::GetCapturedStderr().find("wfm.aht_invalid"), std::string::npos);
}

TEST(WfmCommand, MissingRequiredOptionIsAUsageError) {
  CLI::App app("concord");
  AddWfmCommand(app);
  EXPECT_THROW(app.parse("wfm staffing --contacts 100", false), CLI::RequiredError);
}

}  // namespace
}  // namespace concord::wfm
