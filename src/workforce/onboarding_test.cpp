// Onboarding templates by worker type × jurisdiction, the state withholding table, and the activation gate.
#include "workforce/onboarding.h"

#include <gtest/gtest.h>

#include "workforce/assignment.h"

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

BusinessCalendar Calendar(std::set<Date> holidays = {}) {
  return BusinessCalendar::Weekdays("UTC", {BusinessHours::Parse("09:00-17:00").value()}, std::move(holidays));
}

OnboardingProfile Employee(const char* state, const char* start = "2026-11-23") {
  OnboardingProfile p;
  p.worker_type = WorkerType::kW2Employee;
  p.work_state = state;
  p.start_date = D(start);
  return p;
}

std::vector<std::string> Ids(const Checklist& c) {
  std::vector<std::string> ids;
  for (const auto& item : c.items) ids.push_back(item.id);
  return ids;
}

struct StateFormCase {
  const char* state;
  const char* form;  // "" = none
};

class StateWithholdingFormTest : public ::testing::TestWithParam<StateFormCase> {};

TEST_P(StateWithholdingFormTest, EmployeeChecklistCarriesTheStatesForm) {
  const StateFormCase& c = GetParam();
  auto checklist = GenerateChecklist(Employee(c.state), Calendar());
  ASSERT_TRUE(checklist.ok()) << checklist.error().message;
  const ChecklistItem* item = checklist->Find("state_withholding");
  if (std::string(c.form).empty()) {
    EXPECT_EQ(item, nullptr) << c.state;
    EXPECT_EQ(Ids(*checklist), (std::vector<std::string>{"i9_section1", "i9_section2", "w4"}));
  } else {
    ASSERT_NE(item, nullptr) << c.state;
    EXPECT_NE(item->title.find(std::string("Form ") + c.form + " "), std::string::npos) << item->title;
    EXPECT_FALSE(item->citation.empty());
    EXPECT_TRUE(item->required_for_activation);
  }
}

INSTANTIATE_TEST_SUITE_P(States, StateWithholdingFormTest,
                         ::testing::Values(StateFormCase{"CA", "DE 4"}, StateFormCase{"NY", "IT-2104"},
                                           StateFormCase{"IL", "IL-W-4"}, StateFormCase{"GA", "G-4"},
                                           StateFormCase{"NC", "NC-4"}, StateFormCase{"MI", "MI-W4"},
                                           StateFormCase{"OH", "IT 4"}, StateFormCase{"MA", "M-4"},
                                           StateFormCase{"NJ", "NJ-W4"}, StateFormCase{"PA", ""},
                                           StateFormCase{"TX", ""}, StateFormCase{"FL", ""}, StateFormCase{"WA", ""}),
                         [](const auto& info) { return std::string(info.param.state); });

TEST(OnboardingTest, WithholdingTableCoversTheTenLargestStatesWithCitations) {
  const StateWithholdingTable& table = CurrentStateWithholdingTable();
  EXPECT_FALSE(table.version.empty());
  for (const char* state : {"CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI"}) {
    const StateWithholding* row = table.Find(state);
    ASSERT_NE(row, nullptr) << state;
    EXPECT_FALSE(row->citation.empty()) << state;
  }
}

struct I9Case {
  const char* name;
  const char* start;
  std::set<Date> holidays;
  const char* section2_due;
};

class I9Section2Test : public ::testing::TestWithParam<I9Case> {};

// 8 CFR 274a.2(b)(1)(ii): Section 2 within three business days of the first day of work. USCIS's own
// example: an employee who starts on Monday → Section 2 by Thursday.
TEST_P(I9Section2Test, DueThreeBusinessDaysAfterTheStart) {
  const I9Case& c = GetParam();
  auto checklist = GenerateChecklist(Employee("CA", c.start), Calendar(c.holidays));
  ASSERT_TRUE(checklist.ok());
  const ChecklistItem* s2 = checklist->Find("i9_section2");
  ASSERT_NE(s2, nullptr);
  EXPECT_EQ(s2->due, D(c.section2_due));
  EXPECT_FALSE(s2->required_for_activation);
  EXPECT_EQ(checklist->Find("i9_section1")->due, D(c.start));
}

INSTANTIATE_TEST_SUITE_P(Uscis, I9Section2Test,
                         ::testing::Values(I9Case{"MondayStartThursday", "2026-11-16", {}, "2026-11-19"},
                                           I9Case{"FridayStartSkipsWeekend", "2026-11-20", {}, "2026-11-25"},
                                           // Thanksgiving (Thu 26th) is not a business day: Tue, Wed, Fri.
                                           I9Case{"ThanksgivingWeek", "2026-11-23", {D("2026-11-26")}, "2026-11-27"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(OnboardingTest, ContractorTemplates) {
  OnboardingProfile p;
  p.worker_type = WorkerType::kContractor1099;
  p.work_state = "CA";
  p.start_date = D("2026-12-01");
  auto c = GenerateChecklist(p, Calendar());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Ids(*c), (std::vector<std::string>{"w9", "contract_or_sow", "classification_determination"}));

  p.classification_approval_required = true;
  p.background_check_required = true;
  c = GenerateChecklist(p, Calendar());
  EXPECT_EQ(Ids(*c), (std::vector<std::string>{"w9", "contract_or_sow", "classification_determination",
                                               "classification_approval", "background_check"}));
  EXPECT_NE(c->Find("background_check")->citation.find("1681b"), std::string::npos);

  p = OnboardingProfile{WorkerType::kForeignContractor, "GB", "", D("2026-12-01")};
  c = GenerateChecklist(p, Calendar());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Ids(*c), (std::vector<std::string>{"w8ben", "contract_or_sow", "classification_determination"}));
  EXPECT_NE(c->Find("w8ben")->citation.find("1.1441-1"), std::string::npos);
}

TEST(OnboardingTest, EmployeeBackgroundCheckWhenTheProgrammeRequiresIt) {
  OnboardingProfile p = Employee("TX");
  EXPECT_EQ(GenerateChecklist(p, Calendar())->Find("background_check"), nullptr);
  p.background_check_required = true;
  EXPECT_NE(GenerateChecklist(p, Calendar())->Find("background_check"), nullptr);
}

TEST(OnboardingTest, RefusesWhatHasNoTemplate) {
  auto c = GenerateChecklist(Employee(""), Calendar());
  EXPECT_EQ(c.error().code, "onboarding.state_required");
  c = GenerateChecklist(Employee("ZZ"), Calendar());
  EXPECT_EQ(c.error().code, "onboarding.unknown_state");
  EXPECT_EQ(c.error().fields.at(0).field, "work_state");
  OnboardingProfile abroad = Employee("CA");
  abroad.work_country = "GB";
  EXPECT_EQ(GenerateChecklist(abroad, Calendar()).error().code, "onboarding.no_template");
  abroad.worker_type = WorkerType::kContractor1099;
  EXPECT_EQ(GenerateChecklist(abroad, Calendar()).error().code, "onboarding.no_template");
}

TEST(OnboardingTest, MissingForActivationListsRequiredOpenItems) {
  Checklist c = GenerateChecklist(Employee("NY"), Calendar()).value();
  auto missing = MissingForActivation(c);
  ASSERT_EQ(missing.size(), 3u);  // I-9 Section 2 does not block activation
  EXPECT_EQ(missing[0].id, "i9_section1");
  EXPECT_EQ(missing[1].id, "w4");
  EXPECT_EQ(missing[2].id, "state_withholding");
  EXPECT_EQ(missing[2].title, "Form IT-2104 — Employee's Withholding Allowance Certificate (NY)");

  ASSERT_TRUE(c.MarkDone("i9_section1").ok());
  ASSERT_TRUE(c.MarkDone("w4").ok());
  EXPECT_EQ(MissingTitles(c),
            (std::vector<std::string>{"Form IT-2104 — Employee's Withholding Allowance Certificate (NY)"}));
  c.Find("state_withholding")->waived = true;
  EXPECT_TRUE(MissingForActivation(c).empty());
  EXPECT_EQ(c.MarkDone("w2").error().code, "onboarding.unknown_item");
}

TEST(OnboardingTest, ActivationIsRefusedUntilTheChecklistIsComplete) {
  Checklist c = GenerateChecklist(Employee("GA"), Calendar()).value();
  TransitionContext context;
  context.missing_onboarding = MissingTitles(c);
  auto refused = Transition(AssignmentStatus::kReady, AssignmentEvent::kActivate, context);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "onboarding checklist incomplete; missing: Form I-9 Section 1 (employee), Form W-4 (federal "
            "withholding certificate), Form G-4 — Employee's Withholding Allowance Certificate (GA)");
  for (const auto& item : MissingForActivation(c)) ASSERT_TRUE(c.MarkDone(item.id).ok());
  context.missing_onboarding = MissingTitles(c);
  EXPECT_EQ(Transition(AssignmentStatus::kReady, AssignmentEvent::kActivate, context).value(),
            AssignmentStatus::kActive);
}

TEST(OnboardingTest, EscalatedClassificationBlocksOnboardingUntilApproved) {
  // Issue 4: high risk or several jurisdictions require an approver before onboarding can finish.
  OnboardingProfile p{WorkerType::kForeignContractor, "CA", "", D("2026-12-01")};
  p.classification_approval_required = true;
  Checklist c = GenerateChecklist(p, Calendar()).value();
  for (const char* id : {"w8ben", "contract_or_sow", "classification_determination"}) {
    ASSERT_TRUE(c.MarkDone(id).ok());
  }
  TransitionContext context;
  context.missing_onboarding = MissingTitles(c);
  auto refused = Transition(AssignmentStatus::kOnboarding, AssignmentEvent::kCompleteOnboarding, context);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "onboarding checklist incomplete; missing: Classification approved by an approver (escalated)");
  ASSERT_TRUE(c.MarkDone("classification_approval").ok());
  context.missing_onboarding = MissingTitles(c);
  EXPECT_EQ(Transition(AssignmentStatus::kOnboarding, AssignmentEvent::kCompleteOnboarding, context).value(),
            AssignmentStatus::kReady);
}

}  // namespace
}  // namespace concord::workforce
