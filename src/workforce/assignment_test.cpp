// The assignment life cycle: every row of the issue's diagram, every refusal, and the guards' messages.
#include "workforce/assignment.h"

#include <gtest/gtest.h>

#include <set>

namespace concord::workforce {
namespace {

using S = AssignmentStatus;
using E = AssignmentEvent;

Date D(const char* text) { return Date::Parse(text).value(); }

// A context every guard accepts.
TransitionContext Satisfied() {
  TransitionContext c;
  c.current_end_date = D("2026-12-31");
  c.new_end_date = D("2027-03-31");
  c.effective_date = D("2026-12-01");
  c.end_reason = EndReason::kCompleted;
  c.last_day_worked = D("2026-12-31");
  c.cancel_reason = "client withdrew the requisition";
  return c;
}

struct Row {
  S from;
  E event;
  S to;
};

class AllowedTransitionTest : public ::testing::TestWithParam<Row> {};

TEST_P(AllowedTransitionTest, MovesToTheNextStatus) {
  const Row& row = GetParam();
  auto next = Transition(row.from, row.event, Satisfied());
  ASSERT_TRUE(next.ok()) << next.error().code;
  EXPECT_EQ(*next, row.to);
}

// Issue 4: requested → onboarding → ready → active → ending → ended → offboarded; extensions and
// revisions while active; cancellation before start.
INSTANTIATE_TEST_SUITE_P(
    Issue4, AllowedTransitionTest,
    ::testing::Values(Row{S::kRequested, E::kStartOnboarding, S::kOnboarding},
                      Row{S::kOnboarding, E::kCompleteOnboarding, S::kReady}, Row{S::kReady, E::kActivate, S::kActive},
                      Row{S::kActive, E::kExtend, S::kActive}, Row{S::kActive, E::kRevise, S::kActive},
                      Row{S::kActive, E::kGiveNotice, S::kEnding}, Row{S::kEnding, E::kEnd, S::kEnded},
                      Row{S::kEnded, E::kOffboard, S::kOffboarded}, Row{S::kRequested, E::kCancel, S::kCancelled},
                      Row{S::kOnboarding, E::kCancel, S::kCancelled}, Row{S::kReady, E::kCancel, S::kCancelled}));

TEST(AssignmentTest, EveryOtherPairIsAnInvalidTransitionNamingBoth) {
  std::set<std::pair<S, E>> allowed;
  for (const auto& row : AssignmentTransitions()) allowed.insert({row.from, row.event});
  int refused = 0;
  for (S from :
       {S::kRequested, S::kOnboarding, S::kReady, S::kActive, S::kEnding, S::kEnded, S::kOffboarded, S::kCancelled}) {
    for (E event : {E::kStartOnboarding, E::kCompleteOnboarding, E::kActivate, E::kExtend, E::kRevise, E::kGiveNotice,
                    E::kEnd, E::kOffboard, E::kCancel}) {
      if (allowed.contains({from, event})) continue;
      auto next = Transition(from, event, Satisfied());
      ASSERT_FALSE(next.ok());
      EXPECT_EQ(next.error().code, "assignment.invalid_transition");
      EXPECT_EQ(next.error().kind, ErrorKind::kConflict);
      EXPECT_NE(next.error().message.find(ToString(from)), std::string::npos) << next.error().message;
      EXPECT_NE(next.error().message.find(ToString(event)), std::string::npos) << next.error().message;
      ++refused;
    }
  }
  EXPECT_EQ(refused, 8 * 9 - 11);
}

TEST(AssignmentTest, CancellationAfterTheStartIsRefused) {
  auto next = Transition(S::kActive, E::kCancel, Satisfied());
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().message, "cannot cancel an assignment that is active");
  ASSERT_EQ(next.error().fields.size(), 2u);
  EXPECT_EQ(next.error().fields[0].field, "status");
  EXPECT_EQ(next.error().fields[0].code, "active");
  EXPECT_EQ(next.error().fields[1].field, "event");
  EXPECT_EQ(next.error().fields[1].code, "cancel");
}

TEST(AssignmentTest, ActivationRefusedWhileOnboardingIncompleteSaysWhatIsMissing) {
  TransitionContext c = Satisfied();
  c.missing_onboarding = {"I-9 Section 1", "Form W-4"};
  auto next = Transition(S::kReady, E::kActivate, c);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, "assignment.onboarding_incomplete");
  EXPECT_EQ(next.error().message, "onboarding checklist incomplete; missing: I-9 Section 1, Form W-4");
  ASSERT_EQ(next.error().fields.size(), 2u);
  EXPECT_EQ(next.error().fields[0].field, "onboarding/I-9 Section 1");
  EXPECT_EQ(next.error().fields[1].code, "missing");
  // The same guard stops onboarding from completing.
  EXPECT_EQ(Transition(S::kOnboarding, E::kCompleteOnboarding, c).error().code, "assignment.onboarding_incomplete");
}

struct GuardCase {
  const char* name;
  S from;
  E event;
  void (*spoil)(TransitionContext&);
  const char* code;
  const char* field;
};

class GuardTest : public ::testing::TestWithParam<GuardCase> {};

TEST_P(GuardTest, RefusesWithAStableCode) {
  const GuardCase& g = GetParam();
  TransitionContext c = Satisfied();
  g.spoil(c);
  auto next = Transition(g.from, g.event, c);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, g.code);
  ASSERT_FALSE(next.error().fields.empty());
  EXPECT_EQ(next.error().fields[0].field, g.field);
}

INSTANTIATE_TEST_SUITE_P(
    Guards, GuardTest,
    ::testing::Values(
        GuardCase{"ExtendWithoutDate", S::kActive, E::kExtend, [](auto& c) { c.new_end_date.reset(); },
                  "assignment.new_end_date_required", "new_end_date"},
        GuardCase{"ExtendToSameDate", S::kActive, E::kExtend, [](auto& c) { c.new_end_date = c.current_end_date; },
                  "assignment.extension_not_later", "new_end_date"},
        GuardCase{"ExtendToEarlierDate", S::kActive, E::kExtend, [](auto& c) { c.new_end_date = D("2026-12-15"); },
                  "assignment.extension_not_later", "new_end_date"},
        GuardCase{"ReviseWithoutEffectiveDate", S::kActive, E::kRevise, [](auto& c) { c.effective_date.reset(); },
                  "assignment.effective_date_required", "effective_date"},
        GuardCase{"NoticeWithoutReason", S::kActive, E::kGiveNotice, [](auto& c) { c.end_reason.reset(); },
                  "assignment.end_reason_required", "end_reason"},
        GuardCase{"EndWithoutLastDay", S::kEnding, E::kEnd, [](auto& c) { c.last_day_worked.reset(); },
                  "assignment.last_day_worked_required", "last_day_worked"},
        GuardCase{"OffboardWithOpenItems", S::kEnded, E::kOffboard,
                  [](auto& c) {
                    c.missing_offboarding = {"final_timecard", "vms_end"};
                  },
                  "assignment.offboarding_incomplete", "offboarding/final_timecard"},
        GuardCase{"CancelWithoutReason", S::kReady, E::kCancel, [](auto& c) { c.cancel_reason = "  "; },
                  "assignment.cancel_reason_required", "cancel_reason"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AssignmentTest, ExtensionWithoutAKnownCurrentEndIsAllowed) {
  TransitionContext c = Satisfied();
  c.current_end_date.reset();  // an open-ended assignment gains its first end date
  EXPECT_EQ(Transition(S::kActive, E::kExtend, c).value(), S::kActive);
}

TEST(AssignmentTest, AllowedEventsListTheTableRows) {
  EXPECT_EQ(AllowedEvents(S::kActive), (std::vector<E>{E::kExtend, E::kRevise, E::kGiveNotice}));
  EXPECT_EQ(AllowedEvents(S::kReady), (std::vector<E>{E::kActivate, E::kCancel}));
  EXPECT_TRUE(AllowedEvents(S::kOffboarded).empty());
  EXPECT_TRUE(AllowedEvents(S::kCancelled).empty());
}

TEST(AssignmentTest, NamesRoundTrip) {
  for (const auto& row : AssignmentTransitions()) {
    EXPECT_EQ(ParseAssignmentStatus(ToString(row.from)).value(), row.from);
    EXPECT_EQ(ParseAssignmentStatus(ToString(row.to)).value(), row.to);
    EXPECT_EQ(ParseAssignmentEvent(ToString(row.event)).value(), row.event);
  }
  EXPECT_EQ(ParseAssignmentStatus("paused").error().code, "assignment.unknown_status");
  EXPECT_EQ(ParseAssignmentEvent("pause").error().code, "assignment.unknown_event");
  EXPECT_EQ(ToString(EndReason::kClientEnded), "client_ended");
}

}  // namespace
}  // namespace concord::workforce
