// The Zammad-compatible vectors of ../shared/conformance/sla/zammad-vectors.md (Z1–Z9), run with
// SlaSemantics::Zammad(). Where concord deliberately differs, the same history is also run with
// concord's defaults and both answers are asserted:
//   - update clock before the first response (Zammad issue #5177): Z1, Z4;
//   - a deadline exactly at closing time (biz "exact fit"): Z7.
//
// Mapping the vectors' ticket fields to concord's case events. The vectors set ticket fields directly
// (first_response_at, last_contact_agent_at, last_contact_customer_at, close_at); concord takes the
// history of what happened. A created-by-inbound-mail ticket is kCreated with by_requester; an agent
// contact is kAgentReply, which is also the first response when it is the first; Z2's first response
// without an agent contact (first_response_at set, last_contact_agent_at not) is a kAgentPublicNote.
// Z3 and Z4 build on "Z2" but put agent contacts before Z2's 14:00 first response, which no real
// history can do; they are run as the histories they describe (the agent contact at 11:00 / 12:00 is
// then the first response too), and every value the vectors list still holds.
//
// Times: Z1–Z5 use a Mon–Fri 08:00–18:00 calendar and UTC instants that lie inside those hours in
// Europe/Berlin (CET), so the zone does not move them. Z6–Z9 use Zammad's spec calendar, Europe/Berlin
// every day 09:00–18:00, with UTC instants (June 2013: CEST, UTC+2, so 09:00Z is 11:00 local).
#include <gtest/gtest.h>

#include <vector>

#include "service/sla_clock.h"
#include "service/sla_test_util.h"

namespace concord::service {
namespace {

using namespace testing_util;
using std::chrono::minutes;

SlaPolicy ZammadSla(BusinessCalendar calendar, int fr, int update, int solution, bool zammad = true) {
  SlaPolicy p;
  p.id = "sla";
  p.calendar = std::move(calendar);
  p.first_response = minutes(fr);
  p.next_response = minutes(update);
  p.resolution = minutes(solution);
  // Zammad's pending and closed states are its ignore_escalation states.
  p.pause_statuses = {CaseStatus::kPendingRequester, CaseStatus::kPendingThirdParty, CaseStatus::kOnHold};
  if (zammad) p.semantics = SlaSemantics::Zammad();
  return p;
}

SlaPolicy Z1to5(bool zammad = true) {
  return ZammadSla(BusinessCalendar::Weekdays("Europe/Berlin", {H("08:00-18:00")}), 60, 120, 180,
                   zammad);
}

SlaPolicy Z6to9(int solution, bool zammad = true) {
  BusinessCalendar every_day = BusinessCalendar::AlwaysOpen("Europe/Berlin");
  for (auto& day : every_day.weekly_hours) day = {H("09:00-18:00")};
  return ZammadSla(std::move(every_day), 120, 180, solution, zammad);
}

CaseEvent Created(const char* at, CaseStatus status = CaseStatus::kOpen) {
  return {T(at), CaseEventKind::kCreated, status, "", true};
}
CaseEvent Agent(const char* at) { return {T(at), CaseEventKind::kAgentReply}; }
CaseEvent PublicNote(const char* at) { return {T(at), CaseEventKind::kAgentPublicNote}; }
CaseEvent Customer(const char* at) { return {T(at), CaseEventKind::kRequesterReply}; }
CaseEvent Status(const char* at, CaseStatus s) { return {T(at), CaseEventKind::kStatusChange, s}; }

SlaReport Compute(const std::vector<CaseEvent>& history, const SlaPolicy& policy, const char* now) {
  Result<SlaReport> r = ComputeSla(history, policy, T(now));
  EXPECT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  return r.ok() ? std::move(r).value() : SlaReport{};
}

// Z1: created and inbound mail 2013-03-21 09:30 → FR-esc 10:30, update-esc 11:30, close-esc 12:30,
// escalation_at 10:30.
TEST(ZammadVectors, Z1) {
  const std::vector<CaseEvent> h{Created("2013-03-21T09:30:00Z")};
  const SlaReport r = Compute(h, Z1to5(), "2013-03-21T09:30:00Z");
  EXPECT_EQ(r.first_response.due, T("2013-03-21T10:30:00Z"));
  EXPECT_EQ(r.next_response.due, T("2013-03-21T11:30:00Z"));
  EXPECT_EQ(r.resolution.due, T("2013-03-21T12:30:00Z"));
  EXPECT_EQ(r.next_due, T("2013-03-21T10:30:00Z"));

  // concord (Zammad issue #5177): no update clock until the first response.
  const SlaReport c = Compute(h, Z1to5(false), "2013-03-21T09:30:00Z");
  EXPECT_EQ(c.next_response.state, MetricState::kNone);
  EXPECT_EQ(c.next_response.due, std::nullopt);
  EXPECT_EQ(c.next_due, T("2013-03-21T10:30:00Z"));
}

// Z2: Z1, then first response 14:00 → first_response_in_min 270, diff −210; escalation_at 11:30.
TEST(ZammadVectors, Z2) {
  const std::vector<CaseEvent> h{Created("2013-03-21T09:30:00Z"), PublicNote("2013-03-21T14:00:00Z")};
  const SlaReport r = Compute(h, Z1to5(), "2013-03-21T14:00:00Z");
  EXPECT_EQ(r.first_response.elapsed, minutes(270));
  EXPECT_EQ(r.first_response.diff, minutes(-210));
  EXPECT_TRUE(r.first_response.breached);
  EXPECT_EQ(r.next_due, T("2013-03-21T11:30:00Z"));  // the update clock still runs (and is late)

  // With a first response that is an agent contact, it also answers the update clock.
  const std::vector<CaseEvent> mail{Created("2013-03-21T09:30:00Z"), Agent("2013-03-21T14:00:00Z")};
  const SlaReport m = Compute(mail, Z1to5(), "2013-03-21T14:00:00Z");
  EXPECT_EQ(m.first_response.elapsed, minutes(270));
  EXPECT_EQ(m.next_response.state, MetricState::kFulfilled);
  EXPECT_EQ(m.next_due, T("2013-03-21T12:30:00Z"));
}

// Z3: agent contact 11:00 → update_in_min 90, diff +30; update-esc nil; escalation_at 12:30.
TEST(ZammadVectors, Z3) {
  const std::vector<CaseEvent> h{Created("2013-03-21T09:30:00Z"), Agent("2013-03-21T11:00:00Z")};
  const SlaReport r = Compute(h, Z1to5(), "2013-03-21T11:00:00Z");
  EXPECT_EQ(r.next_response.elapsed, minutes(90));
  EXPECT_EQ(r.next_response.diff, minutes(30));
  EXPECT_EQ(r.next_response.due, std::nullopt);
  EXPECT_EQ(r.next_due, T("2013-03-21T12:30:00Z"));
}

// Z4: agent 12:00, customer 12:05 → update_in_min 150 (diff −30); update-esc 14:05.
TEST(ZammadVectors, Z4) {
  const std::vector<CaseEvent> h{Created("2013-03-21T09:30:00Z"), Agent("2013-03-21T12:00:00Z"),
                                 Customer("2013-03-21T12:05:00Z")};
  const SlaReport r = Compute(h, Z1to5(), "2013-03-21T12:05:00Z");
  EXPECT_EQ(r.next_response.elapsed, minutes(150));
  EXPECT_EQ(r.next_response.diff, minutes(-30));
  EXPECT_EQ(r.next_response.due, T("2013-03-21T14:05:00Z"));

  // concord: the 09:30–12:00 wait was the first response's (150 min against its 60, breached there),
  // not also an update breach; the update clock starts with the customer's 12:05 reply.
  const SlaReport c = Compute(h, Z1to5(false), "2013-03-21T12:05:00Z");
  EXPECT_EQ(c.next_response.elapsed, std::nullopt);
  EXPECT_FALSE(c.next_response.breached);
  EXPECT_EQ(c.next_response.due, T("2013-03-21T14:05:00Z"));
  EXPECT_EQ(c.first_response.elapsed, minutes(150));
  EXPECT_TRUE(c.first_response.breached);
}

// Z5: Z4, agent 12:10, close 13:00 → all esc nil; close_in_min 210, diff −30.
// Variant: close at 11:30 → 120 / +60.
TEST(ZammadVectors, Z5) {
  const std::vector<CaseEvent> h{Created("2013-03-21T09:30:00Z"), Agent("2013-03-21T12:00:00Z"),
                                 Customer("2013-03-21T12:05:00Z"), Agent("2013-03-21T12:10:00Z"),
                                 Status("2013-03-21T13:00:00Z", CaseStatus::kClosed)};
  const SlaReport r = Compute(h, Z1to5(), "2013-03-21T13:00:00Z");
  EXPECT_EQ(r.first_response.due, std::nullopt);
  EXPECT_EQ(r.next_response.due, std::nullopt);
  EXPECT_EQ(r.resolution.due, std::nullopt);
  EXPECT_EQ(r.next_due, std::nullopt);
  EXPECT_EQ(r.resolution.elapsed, minutes(210));
  EXPECT_EQ(r.resolution.diff, minutes(-30));

  const std::vector<CaseEvent> early{Created("2013-03-21T09:30:00Z"),
                                     Status("2013-03-21T11:30:00Z", CaseStatus::kClosed)};
  const SlaReport e = Compute(early, Z1to5(), "2013-03-21T13:00:00Z");
  EXPECT_EQ(e.resolution.elapsed, minutes(120));
  EXPECT_EQ(e.resolution.diff, minutes(60));
}

// Z6: created 2013-06-04 09:00; pending 09:30–09:45; closed 10:00–10:30; reopened → FR-esc 11:45.
//   11:00–11:30 local (30) + 11:45–12:00 (15) + from 12:30 the remaining 75 → 13:45 CEST = 11:45Z.
TEST(ZammadVectors, Z6) {
  const std::vector<CaseEvent> h{Created("2013-06-04T09:00:00Z"),
                                 Status("2013-06-04T09:30:00Z", CaseStatus::kPendingRequester),
                                 Status("2013-06-04T09:45:00Z", CaseStatus::kOpen),
                                 Status("2013-06-04T10:00:00Z", CaseStatus::kClosed),
                                 Status("2013-06-04T10:30:00Z", CaseStatus::kOpen)};
  for (bool zammad : {true, false}) {
    const SlaReport r = Compute(h, Z6to9(250, zammad), "2013-06-04T10:30:00Z");
    EXPECT_EQ(r.first_response.due, T("2013-06-04T11:45:00Z")) << zammad;
  }
  // While closed, every deadline is nil.
  const SlaReport closed = Compute(h, Z6to9(250), "2013-06-04T10:15:00Z");
  EXPECT_EQ(closed.first_response.due, std::nullopt);
  EXPECT_EQ(closed.next_due, std::nullopt);
}

// Z7: created 09:00; pending 10:00–15:00 → FR-esc 2013-06-05 07:00 (exact fit at 18:00 local).
//   11:00–12:00 CEST (60) + 17:00–18:00 CEST (60) = 120, ending exactly at closing.
TEST(ZammadVectors, Z7) {
  const std::vector<CaseEvent> h{Created("2013-06-04T09:00:00Z"),
                                 Status("2013-06-04T10:00:00Z", CaseStatus::kPendingRequester),
                                 Status("2013-06-04T15:00:00Z", CaseStatus::kOpen)};
  const SlaReport r = Compute(h, Z6to9(250), "2013-06-04T15:00:00Z");
  EXPECT_EQ(r.first_response.due, T("2013-06-05T07:00:00Z"));
  // concord: due at closing time, 18:00 CEST.
  const SlaReport c = Compute(h, Z6to9(250, false), "2013-06-04T15:00:00Z");
  EXPECT_EQ(c.first_response.due, T("2013-06-04T16:00:00Z"));
}

// Z8: created 09:00; pending 10:00–10:30; FR 10:45; closed 12:00 →
// first_response_in_min 75 (+45); close_in_min 150 (+100).
TEST(ZammadVectors, Z8) {
  const std::vector<CaseEvent> h{Created("2013-06-04T09:00:00Z"),
                                 Status("2013-06-04T10:00:00Z", CaseStatus::kPendingRequester),
                                 Status("2013-06-04T10:30:00Z", CaseStatus::kOpen),
                                 Agent("2013-06-04T10:45:00Z"),
                                 Status("2013-06-04T12:00:00Z", CaseStatus::kClosed)};
  const SlaReport r = Compute(h, Z6to9(250), "2013-06-04T12:00:00Z");
  EXPECT_EQ(r.first_response.elapsed, minutes(75));
  EXPECT_EQ(r.first_response.diff, minutes(45));
  EXPECT_EQ(r.resolution.elapsed, minutes(150));
  EXPECT_EQ(r.resolution.diff, minutes(100));
}

// Z9 (solution 240): created in pending 09:00; open 10:30–11:00; pending; closed 12:00 →
// close_in_min 30 (+210). Created pending and closed with no open spell: 0. Two open spells of 30: 60.
TEST(ZammadVectors, Z9) {
  const std::vector<CaseEvent> h{Created("2013-06-04T09:00:00Z", CaseStatus::kPendingRequester),
                                 Status("2013-06-04T10:30:00Z", CaseStatus::kOpen),
                                 Status("2013-06-04T11:00:00Z", CaseStatus::kPendingRequester),
                                 Status("2013-06-04T12:00:00Z", CaseStatus::kClosed)};
  const SlaReport r = Compute(h, Z6to9(240), "2013-06-04T12:00:00Z");
  EXPECT_EQ(r.resolution.elapsed, minutes(30));
  EXPECT_EQ(r.resolution.diff, minutes(210));

  const std::vector<CaseEvent> never_open{Created("2013-06-04T09:00:00Z", CaseStatus::kPendingRequester),
                                          Status("2013-06-04T12:00:00Z", CaseStatus::kClosed)};
  EXPECT_EQ(Compute(never_open, Z6to9(240), "2013-06-04T12:00:00Z").resolution.elapsed, minutes(0));

  const std::vector<CaseEvent> two_spells{
      Created("2013-06-04T09:00:00Z", CaseStatus::kPendingRequester),
      Status("2013-06-04T10:30:00Z", CaseStatus::kOpen),
      Status("2013-06-04T11:00:00Z", CaseStatus::kPendingRequester),
      Status("2013-06-04T11:15:00Z", CaseStatus::kOpen),
      Status("2013-06-04T11:45:00Z", CaseStatus::kPendingRequester),
      Status("2013-06-04T12:00:00Z", CaseStatus::kClosed)};
  EXPECT_EQ(Compute(two_spells, Z6to9(240), "2013-06-04T12:00:00Z").resolution.elapsed, minutes(60));
}

}  // namespace
}  // namespace concord::service
