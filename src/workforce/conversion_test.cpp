// Converting a contractor to a W-2 employee: when it may happen, the checklist the employee owes and the
// gate on the new period. Dates are worked by hand against the 2026 calendar: Thanksgiving is Thursday
// 2026-11-26 (the fourth Thursday of November, 5 U.S.C. §6103(a)).
#include "workforce/conversion.h"

#include <gtest/gtest.h>

#include "workforce/holidays.h"

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

OnboardingProfile Employee(const char* state, const char* effective = "2026-11-25") {
  OnboardingProfile p;
  p.worker_type = WorkerType::kContractor1099;  // the rule makes it an employee's checklist
  p.work_state = state;
  p.start_date = D(effective);
  return p;
}

std::vector<std::string> Ids(const Checklist& c) {
  std::vector<std::string> ids;
  for (const auto& item : c.items) ids.push_back(item.id);
  return ids;
}

ConversionFacts Facts() {
  ConversionFacts f;
  f.worker_type = WorkerType::kContractor1099;
  f.status = AssignmentStatus::kActive;
  f.start_date = D("2026-09-01");
  f.end_date = D("2027-03-31");
  f.effective_date = D("2026-11-25");
  f.reason = ConversionReason::kHighRiskDetermination;
  f.latest_risk = "high";
  return f;
}

std::string CodeOf(const Status& status) { return status.ok() ? "ok" : status.error().code; }

TEST(ConversionChecklistTest, CaliforniaEmployeeOwesI9W4AndDe4WithSectionTwoAfterThanksgiving) {
  auto list = ConversionChecklist(Employee("CA"), {}, FederalBusinessCalendar(2026));
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(Ids(*list), (std::vector<std::string>{"i9_section1", "i9_section2", "w4", "state_withholding"}));
  EXPECT_EQ(list->Find("i9_section1")->due, D("2026-11-25"));  // 8 CFR 274a.2(b)(1)(i)(A): the first day
  // Three business days after Wednesday 11-25: Thu 26 is Thanksgiving, so Fri 27, Mon 30, Tue 12-01.
  EXPECT_EQ(list->Find("i9_section2")->due, D("2026-12-01"));
  EXPECT_NE(list->Find("state_withholding")->title.find("DE 4"), std::string::npos);
  const auto missing = MissingTitles(*list);
  ASSERT_EQ(missing.size(), 3u);  // I-9 Section 2 may follow the first day
  EXPECT_EQ(list->Find("w9"), nullptr);
  EXPECT_EQ(list->Find("classification_determination"), nullptr);
}

TEST(ConversionChecklistTest, TexasEmployeeOwesNoStateForm) {
  auto list = ConversionChecklist(Employee("TX"), {}, FederalBusinessCalendar(2026));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(Ids(*list), (std::vector<std::string>{"i9_section1", "i9_section2", "w4"}));
}

TEST(ConversionChecklistTest, BackgroundCheckClearedAsAContractorIsCarriedOver) {
  Checklist contractor;
  contractor.items.push_back({"background_check", "Background check cleared", "", true, std::nullopt, true, false});
  auto list = ConversionChecklist(Employee("TX"), contractor, FederalBusinessCalendar(2026));
  ASSERT_TRUE(list.ok());
  ASSERT_NE(list->Find("background_check"), nullptr);
  EXPECT_TRUE(list->Find("background_check")->done);
  EXPECT_EQ(MissingTitles(*list).size(), 2u);  // I-9 Section 1, W-4

  // Required by the programme but never run for the contractor: owed.
  OnboardingProfile programme_requires = Employee("TX");
  programme_requires.background_check_required = true;
  list = ConversionChecklist(programme_requires, {}, FederalBusinessCalendar(2026));
  ASSERT_TRUE(list.ok());
  EXPECT_FALSE(list->Find("background_check")->done);
  EXPECT_EQ(MissingTitles(*list).size(), 3u);
}

TEST(ConversionChecklistTest, WorkAbroadHasNoEmployeeTemplate) {
  OnboardingProfile abroad = Employee("");
  abroad.work_country = "GB";
  auto list = ConversionChecklist(abroad, {}, FederalBusinessCalendar(2026));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, "onboarding.no_template");
}

TEST(CheckConversionTest, AHighRiskActiveContractorConverts) {
  EXPECT_TRUE(CheckConversion(Facts()).ok());
  ConversionFacts ready = Facts();
  ready.status = AssignmentStatus::kReady;
  ready.effective_date = ready.start_date;  // the first day already as an employee
  EXPECT_TRUE(CheckConversion(ready).ok());
}

TEST(CheckConversionTest, RefusesWhatIsNotAContractorsLiveAssignment) {
  ConversionFacts f = Facts();
  f.worker_type = WorkerType::kW2Employee;
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.already_employee");
  for (auto status : {AssignmentStatus::kRequested, AssignmentStatus::kOnboarding, AssignmentStatus::kEnding,
                      AssignmentStatus::kEnded, AssignmentStatus::kOffboarded, AssignmentStatus::kCancelled}) {
    f = Facts();
    f.status = status;
    const Status s = CheckConversion(f);
    EXPECT_EQ(CodeOf(s), "conversion.not_active") << ToString(status);
    EXPECT_EQ(s.error().kind, ErrorKind::kConflict);
  }
}

TEST(CheckConversionTest, TheEffectiveDateFallsInsideTheAssignmentAfterBilledTime) {
  ConversionFacts f = Facts();
  f.effective_date = D("2026-08-31");
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.effective_before_start");
  f.effective_date = D("2027-04-01");
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.effective_after_end");
  f.effective_date = D("2027-03-31");
  EXPECT_TRUE(CheckConversion(f).ok());
  // The week of 2026-11-16 is approved: time through Sunday 11-22 was a contractor's.
  f.time_locked_through = D("2026-11-22");
  f.effective_date = D("2026-11-22");
  const Status locked = CheckConversion(f);
  EXPECT_EQ(CodeOf(locked), "conversion.time_locked");
  EXPECT_EQ(locked.error().fields.at(0).field, "effective_date");
  f.effective_date = D("2026-11-23");
  EXPECT_TRUE(CheckConversion(f).ok());
}

TEST(CheckConversionTest, TheReasonNeedsAHighRiskDeterminationOrANote) {
  ConversionFacts f = Facts();
  f.latest_risk = "medium";
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.not_high_risk");
  f.latest_risk.reset();
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.not_high_risk");
  f.reason = ConversionReason::kCoordinatorDecision;
  f.note = "  ";
  EXPECT_EQ(CodeOf(CheckConversion(f)), "conversion.note_required");
  f.note = "Client wants to direct the work day to day.";
  EXPECT_TRUE(CheckConversion(f).ok());
  EXPECT_EQ(ParseConversionReason("coordinator_decision").value(), ConversionReason::kCoordinatorDecision);
  EXPECT_EQ(ParseConversionReason("whim").error().fields.at(0).field, "reason");
}

TEST(ConversionTimecardGateTest, WeeksReachingTheEffectiveDateWaitForTheChecklist) {
  const std::vector<std::string> missing = {"Form I-9 Section 1 (employee)", "Form W-4 (federal withholding certificate)"};
  // Effective Wednesday 2026-11-25: the week of Monday 11-16 ends Sunday 11-22, wholly before.
  EXPECT_TRUE(ConversionTimecardGate(D("2026-11-25"), D("2026-11-16"), missing).ok());
  const Status week = ConversionTimecardGate(D("2026-11-25"), D("2026-11-23"), missing);
  ASSERT_FALSE(week.ok());
  EXPECT_EQ(week.error().code, "conversion.onboarding_incomplete");
  EXPECT_EQ(week.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(week.error().fields.size(), 2u);
  // Effective on a Sunday: the week ending that Sunday already has an employee's day in it.
  EXPECT_FALSE(ConversionTimecardGate(D("2026-11-22"), D("2026-11-16"), missing).ok());
  EXPECT_TRUE(ConversionTimecardGate(D("2026-11-25"), D("2026-11-23"), {}).ok());
}

TEST(WorkerTypeHistoryTest, TheTypeInForceOnADay) {
  const std::vector<WorkerTypeChange> history = {{D("2026-11-25"), WorkerType::kW2Employee},
                                                 {D("2026-09-01"), WorkerType::kContractor1099}};
  EXPECT_EQ(WorkerTypeOn(history, D("2026-11-24"), WorkerType::kForeignContractor), WorkerType::kContractor1099);
  EXPECT_EQ(WorkerTypeOn(history, D("2026-11-25"), WorkerType::kForeignContractor), WorkerType::kW2Employee);
  EXPECT_EQ(WorkerTypeOn(history, D("2026-08-31"), WorkerType::kForeignContractor), WorkerType::kForeignContractor);
}

}  // namespace
}  // namespace concord::workforce
