#include "service/report.h"

#include <gtest/gtest.h>

#include "service/sla_test_util.h"

namespace concord::service {
namespace {

using testing_util::T;

CaseFacts Facts(std::string queue, std::string status, std::string sla, const char* created, int contacts,
                int64_t handle = 0, std::optional<int64_t> rating = std::nullopt) {
  CaseFacts c;
  c.queue = std::move(queue);
  c.status = std::move(status);
  c.sla_state = std::move(sla);
  c.created_at = T(created);
  c.agent_contacts = contacts;
  c.handle_seconds = handle;
  c.satisfaction = rating;
  return c;
}

// Six cases counted by hand: 3 met and 1 breached of 4 decided → 75.0 %; of the 4 solved, 2 closed on
// one contact → 50.0 %; handle times 300 and 600 → 450 s; ratings 5 and 4 → 4.5.
TEST(Report, HandCountedDashboard) {
  const std::vector<CaseFacts> cases = {
      Facts("Payroll", "solved", "met", "2026-03-02T14:00:00Z", 1, 300, 5),
      Facts("Payroll", "closed", "met", "2026-03-02T15:00:00Z", 2, 600, 4),
      Facts("Payroll", "solved", "breached", "2026-03-03T14:00:00Z", 3),
      Facts("Benefits", "solved", "met", "2026-03-03T16:00:00Z", 1),
      Facts("Benefits", "open", "ok", "2026-03-09T14:00:00Z", 0),     // 1 day 1 hour old at now: 1-3d
      Facts("Benefits", "pending_requester", "paused", "2026-02-20T14:00:00Z", 1),  // 18 days: >14d
  };
  const Dashboard d = Summarize(cases, "queue", T("2026-03-10T15:00:00Z"), {{"resolution", 1}});
  EXPECT_EQ(d.total.cases, 6);
  EXPECT_EQ(d.total.AttainmentPct(), 75.0);
  EXPECT_EQ(d.total.FirstContactPct(), 50.0);
  EXPECT_EQ(d.total.AverageSatisfaction(), 4.5);
  ASSERT_EQ(d.by.size(), 2u);
  EXPECT_EQ(d.by[0].key, "Benefits");  // 3 cases each: ties stay in name order
  EXPECT_EQ(d.by[0].AttainmentPct(), 100.0);  // 1 met, the open and the paused case undecided
  EXPECT_EQ(d.by[1].key, "Payroll");
  EXPECT_EQ(d.by[1].AttainmentPct(), 66.7);  // 2 of 3
  EXPECT_EQ(d.backlog_by_age,
            (std::vector<std::pair<std::string, int>>{{"<1d", 0}, {"1-3d", 1}, {"3-7d", 0}, {"7-14d", 0}, {">14d", 1}}));
  EXPECT_EQ(d.created_per_day.front(), (std::pair<std::string, int>{"2026-02-20", 1}));
  const nlohmann::json j = ToJson(d);
  EXPECT_EQ(j["total"]["avg_handle_s"], 450);
  const io::Table t = DashboardTable(d, "queue");
  EXPECT_EQ(t.rows.back()[5], "75.0");
}

}  // namespace
}  // namespace concord::service
