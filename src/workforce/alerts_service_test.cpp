// The coordinator's alerts through WorkforceService, on every backend: an end given with less notice than
// the programme's minimum, and a work order the VMS export shows closed while concord has no end for it;
// both on the audit findings and the home page, and only in the caller's scope.
#include <gtest/gtest.h>

#include "workforce/service_fixture.h"

namespace concord::workforce {
namespace {

class AlertsServiceTest : public WorkforceServiceTest {
 protected:
  void RequireNotice(int days, const std::string& kind) {
    programme_ = Ok(service_->UpdateProgramme(coordinator_, programme_["id"].get<int64_t>(), Version(programme_),
                                              {{"minimum_notice_days", days}, {"notice_day_kind", kind}}, "t"));
  }
  // The alerts among the assignment's findings.
  std::vector<std::string> Codes(const auth::Principal& who, int64_t assignment_id) {
    std::vector<std::string> out;
    for (const auto& f : Ok(service_->AuditFindings(who, today_))) {
      if (f.assignment_id == std::to_string(assignment_id) && IsAlert(f.code)) out.push_back(f.code);
    }
    return out;
  }
  bool HomeAlerts(const auth::Principal& who, const std::string& code) {
    const json home = Ok(service_->Home(who, today_));
    for (const auto& item : home["alerts"]["items"]) {
      if (item["code"] == code) return true;
    }
    return false;
  }
  const Date today_ = Date::Parse("2026-11-22").value();
};

TEST_P(AlertsServiceTest, AnEndGivenWithLessThanTheProgrammesMinimumNoticeIsAnAlert) {
  RequireNotice(5, "business");
  EXPECT_EQ(programme_["minimum_notice_days"], 5);
  json a = ActiveAssignment();  // WO-1001, CA
  const int64_t id = a["id"].get<int64_t>();
  // Given Friday 2026-11-20 for Friday 11-27: Mon 23, Tue 24, Wed 25, Fri 27 (Thanksgiving on Thu 26) = 4 < 5.
  a = Event(a, {{"event", "give_notice"}, {"end_reason", "resigned"}, {"end_date", "2026-11-27"},
                {"notice_given_on", "2026-11-20"}});
  EXPECT_EQ(a["notice"]["days"], 4);
  EXPECT_TRUE(a["notice"]["short"].get<bool>());
  EXPECT_EQ(a["notice"]["day_kind"], "business");
  EXPECT_EQ(Codes(coordinator_, id), std::vector<std::string>{"audit.short_notice"});
  EXPECT_TRUE(HomeAlerts(coordinator_, "audit.short_notice"));
  EXPECT_TRUE(Codes(other_, id).empty());  // another client's user sees none of it
  EXPECT_FALSE(HomeAlerts(other_, "audit.short_notice"));
  EXPECT_EQ(Codes(client_user_, id), std::vector<std::string>{"audit.short_notice"});
  // The end counts to the last day worked, from the same notice: Mon 23, Tue 24, Wed 25 = 3.
  a = Event(a, {{"event", "end"}, {"last_day_worked", "2026-11-25"}});
  EXPECT_EQ(a["notice"]["given_on"], "2026-11-20");
  EXPECT_EQ(a["notice"]["days"], 3);
  EXPECT_EQ(a["notice"]["reason"], "3 business days of notice (2026-11-20 → 2026-11-25); the programme asks for 5");
}

TEST_P(AlertsServiceTest, CalendarDaysCountTheWeekendAndAProgrammeWithoutAMinimumHasNoAlert) {
  json a = ActiveAssignment();
  a = Event(a, {{"event", "give_notice"}, {"end_reason", "completed"}, {"end_date", "2026-11-27"},
                {"notice_given_on", "2026-11-20"}});
  EXPECT_TRUE(a["notice"].is_null());  // no minimum: nothing counted
  RequireNotice(7, "calendar");
  json b = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
  b = Event(b, {{"event", "end"}, {"last_day_worked", "2026-11-27"}});
  EXPECT_TRUE(b["notice"].is_null());  // the end keeps what the notice said (none was counted then)
  const auto bad = service_->UpdateProgramme(coordinator_, programme_["id"].get<int64_t>(), Version(programme_),
                                             {{"minimum_notice_days", -1}, {"notice_day_kind", "weeks"}}, "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

TEST_P(AlertsServiceTest, TheVmsShowsAWorkOrderClosedWhileConcordHasNoEnd) {
  json a = ActiveAssignment();  // WO-1001
  const int64_t id = a["id"].get<int64_t>();
  std::string closed = kExport;
  const std::string active_row_end = "W2,Active\nWO-1002";
  closed.replace(closed.find(active_row_end), active_row_end.size(), "W2,Closed\nWO-1002");
  Ok(service_->StartVmsAudit(coordinator_, programme_["id"].get<int64_t>(), closed, "fieldglass-closed.csv", "t"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_vms_work_orders WHERE vms_work_order_id = 'WO-1001' AND vms_status = 'Closed'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'vms_work_orders'"), 1);
  EXPECT_EQ(Codes(coordinator_, id), std::vector<std::string>{"audit.vms_closed_not_ended"});
  EXPECT_TRUE(HomeAlerts(coordinator_, "audit.vms_closed_not_ended"));
  EXPECT_TRUE(Codes(other_, id).empty());
  EXPECT_FALSE(HomeAlerts(other_, "audit.vms_closed_not_ended"));
  // Once the end is given in concord the VMS is ahead, not wrong.
  Event(a, {{"event", "give_notice"}, {"end_reason", "client_ended"}, {"end_date", "2026-11-27"}});
  EXPECT_TRUE(Codes(coordinator_, id).empty());
  // The next export agrees again: the alert is gone with the old status.
  Ok(service_->StartVmsAudit(coordinator_, programme_["id"].get<int64_t>(), kExport, "fieldglass.csv", "t"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_vms_work_orders WHERE vms_status = 'Closed'"), 0);
  // The export's end date feeds the end-date audit: 2026-11-27 here, 03/31/2027 in the VMS.
  bool mismatch = false;
  for (const auto& f : Ok(service_->AuditFindings(coordinator_, today_))) {
    if (f.assignment_id == std::to_string(id) && f.code == "audit.vms_end_date_mismatch") {
      mismatch = f.reason == "end date in the VMS is 2027-03-31, ours is 2026-11-27";
    }
  }
  EXPECT_TRUE(mismatch);
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertsServiceTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
