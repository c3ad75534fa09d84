// SLA clocks under concord's semantics. Every expected instant was worked out by hand from the
// calendar (local times in the comments, UTC in the assertions), not taken from the code.
#include "service/sla_clock.h"

#include <gtest/gtest.h>

#include <vector>

#include "service/sla_test_util.h"

namespace concord::service {
namespace {

using namespace testing_util;
using std::chrono::minutes;

// America/New_York, Mon–Fri 09:00–17:00; Fri 3 July 2026 (Independence Day observed) a holiday.
// 2026: EST (UTC−5) until Sun 8 March, EDT (UTC−4) until Sun 1 November.
BusinessCalendar NewYork() {
  return BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")}, {D("2026-07-03")});
}

// Europe/London, Mon–Fri 09:00–17:30. 2026: GMT until Sun 29 March, BST (UTC+1) until Sun 25 October.
BusinessCalendar London() { return BusinessCalendar::Weekdays("Europe/London", {H("09:00-17:30")}); }

SlaPolicy Standard(BusinessCalendar calendar, int fr = 60, int nr = 120, int res = 480) {
  SlaPolicy p;
  p.id = "standard";
  p.calendar = std::move(calendar);
  p.first_response = minutes(fr);
  p.next_response = minutes(nr);
  p.resolution = minutes(res);
  return p;
}

CaseEvent Created(const char* at, CaseStatus status = CaseStatus::kNew) {
  return {T(at), CaseEventKind::kCreated, status, "", true};
}
CaseEvent Agent(const char* at) { return {T(at), CaseEventKind::kAgentReply}; }
CaseEvent Requester(const char* at) { return {T(at), CaseEventKind::kRequesterReply}; }
CaseEvent Status(const char* at, CaseStatus s) { return {T(at), CaseEventKind::kStatusChange, s}; }
CaseEvent Policy(const char* at, const char* id) {
  return {T(at), CaseEventKind::kPolicyChange, CaseStatus::kNew, id};
}

SlaReport Compute(const std::vector<CaseEvent>& history, const SlaPolicy& policy, const char* now) {
  Result<SlaReport> r = ComputeSla(history, policy, T(now));
  EXPECT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  return r.ok() ? std::move(r).value() : SlaReport{};
}

std::vector<SlaEvent> Of(const SlaReport& r, SlaMetric m) {
  std::vector<SlaEvent> out;
  for (const SlaEvent& e : r.events)
    if (e.metric == m) out.push_back(e);
  return out;
}

// Created Fri 13 March 19:00 EDT (23:00Z), after hours before a weekend.
//   first response 60: Mon 16 March 09:00 + 60 = 10:00 EDT = 14:00Z
//   resolution 480: the whole of Monday, ending exactly at 17:00 EDT = 21:00Z (concord keeps the
//   closing time; biz's rule would say Tue 09:00 EDT = 13:00Z)
TEST(SlaClock, CreatedOutsideHoursBeforeAWeekend) {
  const std::vector<CaseEvent> h{Created("2026-03-13T23:00:00Z")};
  SlaPolicy p = Standard(NewYork());
  SlaReport r = Compute(h, p, "2026-03-14T12:00:00Z");
  EXPECT_EQ(r.first_response.state, MetricState::kRunning);
  EXPECT_EQ(r.first_response.due, T("2026-03-16T14:00:00Z"));
  EXPECT_EQ(r.first_response.remaining, minutes(60));
  EXPECT_EQ(r.resolution.due, T("2026-03-16T21:00:00Z"));
  EXPECT_EQ(r.next_response.state, MetricState::kNone);  // concord: not before the first response
  EXPECT_EQ(r.next_due, T("2026-03-16T14:00:00Z"));
  EXPECT_EQ(r.next_check, T("2026-03-16T14:00:00Z"));

  p.semantics = SlaSemantics::Zammad();
  r = Compute(h, p, "2026-03-14T12:00:00Z");
  EXPECT_EQ(r.resolution.due, T("2026-03-17T13:00:00Z"));
  EXPECT_EQ(r.next_response.due, T("2026-03-16T15:00:00Z"));  // Zammad arms it at creation: 11:00 EDT
}

// Created Thu 2 July 16:30 EDT (20:30Z); Fri 3 July is a holiday, then the weekend.
//   first response 60: 30 min Thursday + Mon 6 July 09:00–09:30 EDT = 13:30Z
//   resolution 480: 30 Thursday + 450 Monday → 16:30 EDT = 20:30Z
TEST(SlaClock, AcrossAHolidayAndAWeekend) {
  const std::vector<CaseEvent> h{Created("2026-07-02T20:30:00Z")};
  const SlaReport r = Compute(h, Standard(NewYork()), "2026-07-02T20:30:00Z");
  EXPECT_EQ(r.first_response.due, T("2026-07-06T13:30:00Z"));
  EXPECT_EQ(r.resolution.due, T("2026-07-06T20:30:00Z"));
}

// Spring forward: created Fri 6 March 16:00 EST (21:00Z).
//   first response 120: 60 Friday + Mon 9 March 09:00–10:00 EDT = 14:00Z
//   resolution 480: 60 Friday + 420 Monday → 16:00 EDT = 20:00Z
TEST(SlaClock, NewYorkSpringForward) {
  const std::vector<CaseEvent> h{Created("2026-03-06T21:00:00Z")};
  const SlaReport r = Compute(h, Standard(NewYork(), 120), "2026-03-06T21:00:00Z");
  EXPECT_EQ(r.first_response.due, T("2026-03-09T14:00:00Z"));
  EXPECT_EQ(r.resolution.due, T("2026-03-09T20:00:00Z"));
}

// Fall back: created Fri 30 October 16:00 EDT (20:00Z); clocks go back Sun 1 November.
//   first response 120: 60 Friday + Mon 2 November 09:00–10:00 EST = 15:00Z
TEST(SlaClock, NewYorkFallBack) {
  const std::vector<CaseEvent> h{Created("2026-10-30T20:00:00Z")};
  const SlaReport r = Compute(h, Standard(NewYork(), 120), "2026-10-30T20:00:00Z");
  EXPECT_EQ(r.first_response.due, T("2026-11-02T15:00:00Z"));
}

// London spring forward: created Fri 27 March 17:00 GMT (17:00Z).
//   first response 60: 30 Friday + Mon 30 March 09:00–09:30 BST = 08:30Z
TEST(SlaClock, LondonSpringForward) {
  const std::vector<CaseEvent> h{Created("2026-03-27T17:00:00Z")};
  const SlaReport r = Compute(h, Standard(London()), "2026-03-27T17:00:00Z");
  EXPECT_EQ(r.first_response.due, T("2026-03-30T08:30:00Z"));
}

// London, a pause over a weekend that includes the fall-back night (Sun 25 October).
//   Fri 23 Oct 09:00 BST (08:00Z) created; 10:00 BST (09:00Z) agent replies, pending requester.
//   Mon 26 Oct 11:00 GMT (11:00Z) requester replies; open again.
//   resolution 600: 60 used on Friday, 540 left; Monday 11:00–17:30 = 390, 150 left →
//   Tue 27 Oct 09:00 + 150 = 11:30 GMT = 11:30Z.
//   As known at creation (no pause yet): Friday's 510 + Mon 09:00 + 90 = 10:30 GMT.
//   next response 120 from Mon 11:00 GMT → 13:00Z.
TEST(SlaClock, LondonPauseAcrossTheFallBackWeekend) {
  const std::vector<CaseEvent> h{
      Created("2026-10-23T08:00:00Z", CaseStatus::kOpen),
      Agent("2026-10-23T09:00:00Z"),
      Status("2026-10-23T09:00:00Z", CaseStatus::kPendingRequester),
      Requester("2026-10-26T11:00:00Z"),
      Status("2026-10-26T11:00:00Z", CaseStatus::kOpen),
  };
  const SlaPolicy p = Standard(London(), 60, 120, 600);

  const SlaReport paused = Compute(h, p, "2026-10-24T12:00:00Z");
  EXPECT_TRUE(paused.paused);
  EXPECT_EQ(paused.resolution.state, MetricState::kPaused);
  EXPECT_EQ(paused.resolution.due, std::nullopt);
  EXPECT_EQ(paused.resolution.remaining, minutes(540));
  EXPECT_EQ(paused.next_due, std::nullopt);

  const SlaReport r = Compute(h, p, "2026-10-26T12:00:00Z");
  EXPECT_FALSE(r.paused);
  EXPECT_EQ(r.first_response.state, MetricState::kFulfilled);
  EXPECT_EQ(r.first_response.elapsed, minutes(60));
  EXPECT_EQ(r.first_response.diff, minutes(0));
  EXPECT_FALSE(r.first_response.breached);  // answered exactly at the due time
  EXPECT_EQ(r.resolution.due, T("2026-10-27T11:30:00Z"));
  EXPECT_EQ(r.resolution.remaining, minutes(540 - 60));
  EXPECT_EQ(r.next_response.due, T("2026-10-26T13:00:00Z"));
  EXPECT_EQ(r.next_due, T("2026-10-26T13:00:00Z"));

  const std::vector<SlaEvent> res = Of(r, SlaMetric::kResolution);
  const std::vector<SlaEvent> expected{
      {T("2026-10-23T08:00:00Z"), SlaEventKind::kActivated, SlaMetric::kResolution, "standard",
       T("2026-10-26T10:30:00Z")},
      {T("2026-10-23T09:00:00Z"), SlaEventKind::kPaused, SlaMetric::kResolution, "standard", {}},
      {T("2026-10-26T11:00:00Z"), SlaEventKind::kResumed, SlaMetric::kResolution, "standard",
       T("2026-10-27T11:30:00Z")},
  };
  EXPECT_EQ(res, expected);
}

// NY, pending from Tue 10 March 16:30 EDT (20:30Z) to Wed 11 March 10:00 EDT (14:00Z).
//   resolution 480 from Tue 16:00 EDT: 30 used; Wed 10:00–17:00 = 420; 30 left → Thu 09:30 EDT = 13:30Z.
TEST(SlaClock, PauseSpanningANight) {
  const std::vector<CaseEvent> h{
      Created("2026-03-10T20:00:00Z", CaseStatus::kOpen),
      Status("2026-03-10T20:30:00Z", CaseStatus::kPendingThirdParty),
      Status("2026-03-11T14:00:00Z", CaseStatus::kOpen),
  };
  const SlaReport r = Compute(h, Standard(NewYork()), "2026-03-11T15:00:00Z");
  EXPECT_EQ(r.resolution.due, T("2026-03-12T13:30:00Z"));
  EXPECT_EQ(r.resolution.remaining, minutes(480 - 30 - 60));
}

// Pause statuses are the policy's choice: on hold need not pause.
TEST(SlaClock, PauseStatusesAreConfigurable) {
  const std::vector<CaseEvent> h{
      Created("2026-03-10T20:00:00Z", CaseStatus::kOpen),
      Status("2026-03-10T20:30:00Z", CaseStatus::kOnHold),
  };
  SlaPolicy p = Standard(NewYork());
  p.pause_statuses = {CaseStatus::kPendingRequester};
  const SlaReport r = Compute(h, p, "2026-03-11T15:00:00Z");
  EXPECT_FALSE(r.paused);
  // 480 from Tue 16:00 EDT: 60 Tuesday + 420 Wednesday → 16:00 EDT = 20:00Z.
  EXPECT_EQ(r.resolution.due, T("2026-03-11T20:00:00Z"));
}

// Reopen after solve. Mon 2 March 09:00 EST (14:00Z) created; 09:30 agent reply; 10:00 solved.
// Tue 3 March 09:00 EST (14:00Z) the requester writes back and the case reopens.
//   resolution 480: 60 used Monday; solved time does not count; 420 from Tue 09:00 → 16:00 EST = 21:00Z
//   next response 120 from Tue 09:00 → 11:00 EST = 16:00Z
TEST(SlaClock, ReopenAfterSolve) {
  const std::vector<CaseEvent> h{
      Created("2026-03-02T14:00:00Z"),
      Agent("2026-03-02T14:30:00Z"),
      Status("2026-03-02T15:00:00Z", CaseStatus::kSolved),
      Requester("2026-03-03T14:00:00Z"),
      Status("2026-03-03T14:00:00Z", CaseStatus::kOpen),
  };
  const SlaPolicy p = Standard(NewYork());

  const SlaReport solved = Compute(h, p, "2026-03-02T18:00:00Z");
  EXPECT_EQ(solved.resolution.state, MetricState::kFulfilled);
  EXPECT_EQ(solved.resolution.elapsed, minutes(60));
  EXPECT_EQ(solved.resolution.diff, minutes(420));
  EXPECT_EQ(solved.next_due, std::nullopt);

  const SlaReport r = Compute(h, p, "2026-03-03T15:00:00Z");
  EXPECT_EQ(r.resolution.state, MetricState::kRunning);
  EXPECT_EQ(r.resolution.due, T("2026-03-03T21:00:00Z"));
  EXPECT_EQ(r.resolution.remaining, minutes(480 - 60 - 60));
  EXPECT_EQ(r.next_response.due, T("2026-03-03T16:00:00Z"));
  EXPECT_EQ(r.next_due, T("2026-03-03T16:00:00Z"));
  const std::vector<SlaEvent> res = Of(r, SlaMetric::kResolution);
  ASSERT_EQ(res.size(), 3u);
  EXPECT_EQ(res[1].kind, SlaEventKind::kFulfilled);
  EXPECT_EQ(res[1].at, T("2026-03-02T15:00:00Z"));
  EXPECT_EQ(res[2].kind, SlaEventKind::kResumed);
  EXPECT_EQ(res[2].due, T("2026-03-03T21:00:00Z"));
}

// A breach is recorded at the due time; the response comes later and is fulfilled late.
//   Mon 2 March 09:00 EST created, FR 60 due 10:00 EST (15:00Z); agent replies 11:15 EST.
TEST(SlaClock, BreachThenLateFulfilment) {
  const std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Agent("2026-03-02T16:15:00Z")};
  const SlaReport r = Compute(h, Standard(NewYork()), "2026-03-02T17:00:00Z");
  EXPECT_EQ(r.first_response.state, MetricState::kFulfilled);
  EXPECT_TRUE(r.first_response.breached);
  EXPECT_EQ(r.first_response.elapsed, minutes(135));
  EXPECT_EQ(r.first_response.diff, minutes(-75));
  const std::vector<SlaEvent> fr = Of(r, SlaMetric::kFirstResponse);
  ASSERT_EQ(fr.size(), 3u);
  EXPECT_EQ(fr[1].kind, SlaEventKind::kBreached);
  EXPECT_EQ(fr[1].at, T("2026-03-02T15:00:00Z"));
  EXPECT_EQ(fr[2].kind, SlaEventKind::kFulfilled);
}

// Warnings and escalations fire in business hours. Mon 2 March 09:00 EST created; resolution 540.
//   due: 480 Monday + Tue 09:00–10:00 EST → 15:00Z Tuesday.
//   due soon 60 before: 480 business minutes in, i.e. exactly Monday's 17:00 close → sent at the next
//   opening, Tue 09:00 EST = 14:00Z, not in the evening.
//   escalation "raise level" 30 min after the breach: Tue 10:30 EST = 15:30Z.
TEST(SlaClock, DueSoonAndEscalationsInBusinessHours) {
  const std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Agent("2026-03-02T14:10:00Z")};
  SlaPolicy p = Standard(NewYork(), 60, 120, 540);
  p.due_soon_before = minutes(60);
  p.escalations = {{SlaMetric::kResolution, minutes(-30), EscalationAction::kRaiseLevel, "L2"}};

  SlaReport r = Compute(h, p, "2026-03-02T23:00:00Z");
  EXPECT_EQ(r.resolution.due, T("2026-03-03T15:00:00Z"));
  EXPECT_EQ(r.next_check, T("2026-03-03T14:00:00Z"));
  for (const SlaEvent& e : Of(r, SlaMetric::kResolution)) EXPECT_NE(e.kind, SlaEventKind::kDueSoon);

  r = Compute(h, p, "2026-03-03T16:00:00Z");
  std::vector<SlaEvent> res = Of(r, SlaMetric::kResolution);
  ASSERT_EQ(res.size(), 4u);
  EXPECT_EQ(res[1].kind, SlaEventKind::kDueSoon);
  EXPECT_EQ(res[1].at, T("2026-03-03T14:00:00Z"));
  EXPECT_EQ(res[2].kind, SlaEventKind::kBreached);
  EXPECT_EQ(res[2].at, T("2026-03-03T15:00:00Z"));
  EXPECT_EQ(res[3].kind, SlaEventKind::kEscalated);
  EXPECT_EQ(res[3].at, T("2026-03-03T15:30:00Z"));
  EXPECT_EQ(res[3].escalation, 0);
  EXPECT_TRUE(r.resolution.breached);
  EXPECT_EQ(r.resolution.remaining, minutes(-60));
}

// Policy change mid-case. Mon 2 March 09:00 EST created under "standard" (FR 240, resolution 960);
// at 10:00 EST (15:00Z) the case is re-prioritised to "urgent" (FR 30, resolution 240).
//   standard: FR due 13:00 EST (18:00Z); resolution due Tue 17:00 EST (22:00Z).
//   urgent, from the same anchors: FR due 09:30 EST (14:30Z), already past at the change → breached
//   at 15:00Z; resolution due 13:00 EST (18:00Z).
TEST(SlaClock, PolicyChangeMidCase) {
  SlaPolicy standard = Standard(NewYork(), 240, 240, 960);
  SlaPolicy urgent = Standard(NewYork(), 30, 60, 240);
  urgent.id = "urgent";
  const std::map<std::string, SlaPolicy, std::less<>> policies{{"standard", standard},
                                                               {"urgent", urgent}};
  std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Policy("2026-03-02T15:00:00Z", "urgent")};
  h[0].policy_id = "standard";

  Result<SlaReport> r = ComputeSla(h, policies, T("2026-03-02T16:00:00Z"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->policy_id, "urgent");
  EXPECT_TRUE(r->first_response.breached);
  EXPECT_EQ(r->first_response.due, T("2026-03-02T14:30:00Z"));
  EXPECT_EQ(r->first_response.remaining, minutes(30 - 120));
  EXPECT_EQ(r->resolution.due, T("2026-03-02T18:00:00Z"));
  const std::vector<SlaEvent> expected{
      {T("2026-03-02T14:00:00Z"), SlaEventKind::kActivated, SlaMetric::kFirstResponse, "standard",
       T("2026-03-02T18:00:00Z")},
      {T("2026-03-02T14:00:00Z"), SlaEventKind::kActivated, SlaMetric::kResolution, "standard",
       T("2026-03-03T22:00:00Z")},
      {T("2026-03-02T15:00:00Z"), SlaEventKind::kActivated, SlaMetric::kFirstResponse, "urgent",
       T("2026-03-02T14:30:00Z")},
      {T("2026-03-02T15:00:00Z"), SlaEventKind::kBreached, SlaMetric::kFirstResponse, "urgent",
       T("2026-03-02T14:30:00Z")},
      {T("2026-03-02T15:00:00Z"), SlaEventKind::kActivated, SlaMetric::kResolution, "urgent",
       T("2026-03-02T18:00:00Z")},
  };
  EXPECT_EQ(r->events, expected);

  // And back: relaxing the policy later keeps the recorded breach but the clock is no longer late.
  h.push_back(Policy("2026-03-02T15:30:00Z", "standard"));
  r = ComputeSla(h, policies, T("2026-03-02T16:00:00Z"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->policy_id, "standard");
  EXPECT_FALSE(r->first_response.breached);
  EXPECT_EQ(r->first_response.due, T("2026-03-02T18:00:00Z"));
  int breaches = 0;
  for (const SlaEvent& e : r->events) breaches += e.kind == SlaEventKind::kBreached;
  EXPECT_EQ(breaches, 1);
}

TEST(SlaClock, SinglePolicyOverloadIgnoresPolicyChanges) {
  const std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Policy("2026-03-02T15:00:00Z", "other")};
  const SlaReport r = Compute(h, Standard(NewYork()), "2026-03-02T15:30:00Z");
  EXPECT_EQ(r.policy_id, "standard");
  // The two activations at creation and the first response's breach at 10:00 EST; no re-targeting.
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[2].kind, SlaEventKind::kBreached);
  EXPECT_EQ(r.events[2].at, T("2026-03-02T15:00:00Z"));
}

TEST(SlaClock, RemovingThePolicyStopsTheClocks) {
  const std::map<std::string, SlaPolicy, std::less<>> policies{{"standard", Standard(NewYork())}};
  std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Policy("2026-03-02T14:30:00Z", "")};
  h[0].policy_id = "standard";
  Result<SlaReport> r = ComputeSla(h, policies, T("2026-03-02T20:00:00Z"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->policy_id, "");
  EXPECT_EQ(r->first_response.state, MetricState::kNone);
  EXPECT_EQ(r->events.size(), 2u);  // the two activations before the change, nothing after
}

// Next response: follow-up requester messages do not push the clock out (Zammad last_contact.rb).
//   Mon 09:00 EST created; 09:10 agent (first response); 10:00 requester; 10:30 requester again.
//   next response 120 from 10:00 EST → 12:00 EST = 17:00Z.
TEST(SlaClock, FollowUpMessagesDoNotResetTheUpdateClock) {
  const std::vector<CaseEvent> h{Created("2026-03-02T14:00:00Z"), Agent("2026-03-02T14:10:00Z"),
                                 Requester("2026-03-02T15:00:00Z"), Requester("2026-03-02T15:30:00Z")};
  const SlaReport r = Compute(h, Standard(NewYork()), "2026-03-02T16:00:00Z");
  EXPECT_EQ(r.next_response.due, T("2026-03-02T17:00:00Z"));
}

TEST(SlaClock, HistoryErrors) {
  const SlaPolicy p = Standard(NewYork());
  const std::vector<CaseEvent> empty;
  EXPECT_EQ(ComputeSla(empty, p, T("2026-03-02T14:00:00Z")).error().code, "sla.history_empty");
  const std::vector<CaseEvent> headless{Agent("2026-03-02T14:00:00Z")};
  EXPECT_EQ(ComputeSla(headless, p, T("2026-03-02T14:00:00Z")).error().code,
            "sla.history_must_start_with_created");
  const std::vector<CaseEvent> unordered{Created("2026-03-02T14:00:00Z"), Agent("2026-03-02T13:00:00Z")};
  EXPECT_EQ(ComputeSla(unordered, p, T("2026-03-02T14:00:00Z")).error().code, "sla.history_unordered");
  std::vector<CaseEvent> unknown{Created("2026-03-02T14:00:00Z")};
  unknown[0].policy_id = "gold";
  const std::map<std::string, SlaPolicy, std::less<>> none;
  EXPECT_EQ(ComputeSla(unknown, none, T("2026-03-02T14:00:00Z")).error().code, "sla.unknown_policy");
  SlaPolicy bad = p;
  bad.calendar.time_zone = "Mars/Olympus";
  EXPECT_EQ(ComputeSla(unknown, bad, T("2026-03-02T14:00:00Z")).error().code,
            "calendar.unknown_time_zone");
}

}  // namespace
}  // namespace concord::service
