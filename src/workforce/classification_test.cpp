// Classification scoring against the sources' own examples. Each example's facts are turned into answers
// by hand (the sentence of the source is quoted beside each answer); the expected outcome is the source's.
#include "workforce/classification.h"
#include "workforce/classification_recheck.h"

#include <gtest/gtest.h>

#include <set>

namespace concord::workforce {
namespace {

const Jurisdiction kTexas{"US", "TX"};
const Jurisdiction kCalifornia{"US", "CA"};

Engagement In(Jurisdiction place) { return Engagement{place, place, {}}; }

ClassificationResult Score(const Answers& answers, const Engagement& engagement) {
  auto result = Classify(CurrentQuestionnaire(), answers, engagement);
  EXPECT_TRUE(result.ok()) << result.error().code << ": " << result.error().message;
  return result.ok() ? result.value() : ClassificationResult{};
}

const FrameworkResult* Find(const ClassificationResult& r, Framework f) {
  for (const auto& fr : r.frameworks) {
    if (fr.framework == f) return &fr;
  }
  return nullptr;
}

bool HasReason(const ClassificationResult& r, std::string_view question_id) {
  for (const auto& reason : r.reasons) {
    if (reason.question_id == question_id) return true;
  }
  return false;
}

// ---- IRS Pub. 15-A, chapter 2, "Industry Examples" ---------------------------------------------------

struct IrsExample {
  const char* name;
  Answers answers;
  RiskLevel expected;  // employee in the publication → high; independent contractor → low
};

class Pub15AExampleTest : public ::testing::TestWithParam<IrsExample> {};

TEST_P(Pub15AExampleTest, RiskMatchesThePublicationsConclusion) {
  const IrsExample& example = GetParam();
  ClassificationResult r = Score(example.answers, In(kTexas));  // TX: IRS test only, no ABC
  const FrameworkResult* irs = Find(r, Framework::kIrsCommonLaw);
  ASSERT_NE(irs, nullptr);
  EXPECT_EQ(irs->risk, example.expected) << irs->summary;
  EXPECT_EQ(r.risk, example.expected);
  EXPECT_EQ(r.escalation_required, example.expected == RiskLevel::kHigh);
}

INSTANTIATE_TEST_SUITE_P(
    Pub15A, Pub15AExampleTest,
    ::testing::Values(
        // Building, Example 1: "Jerry Jones and his assistants are employees of Wilma White." 8 of 9 → high.
        IrsExample{"JerryJonesEmployee",
                   {{"irs.behavioral.instructions", true},           // "exercises almost constant supervision"
                    {"irs.behavioral.evaluation", true},             // idem
                    {"irs.financial.unreimbursed_expenses", false},  // "makes direct payments to the suppliers"
                    {"irs.financial.market", false},                 // "may not work on other jobs"
                    {"irs.financial.fixed_fee", false},              // "pays them an hourly rate"
                    {"irs.financial.profit_or_loss", false},         // "will incur no contractual liability"
                    {"irs.financial.own_assistants", false},         // she pays his assistants
                    {"irs.relationship.key_activity", false}},       // remodelling her own house
                   RiskLevel::kHigh},
        // Building, Example 4: "Bill Plum, doing business as Plum Roofing, is an independent contractor."
        IrsExample{"BillPlumContractor",
                   {{"irs.financial.fixed_fee", true},               // "a flat amount for the services"
                    {"irs.relationship.contract", true},             // "a signed contract"
                    {"irs.financial.own_assistants", true},          // "hires his own roofers"
                    {"irs.financial.profit_or_loss", true},          // "responsible for paying for any repairs"
                    {"irs.financial.market", true},                  // licensed, business name Plum Roofing
                    {"irs.financial.unreimbursed_expenses", true}},  // carries his own insurance
                   RiskLevel::kLow},
        // Building, Example 5: "Vera Elm is an independent contractor."
        IrsExample{"VeraElmContractor",
                   {{"irs.financial.fixed_fee", true},        // "$6,400 … isn't considered payment by the hour"
                    {"irs.financial.market", true},           // "contracts with other companies … advertisements"
                    {"irs.financial.profit_or_loss", true}},  // works more or fewer hours for the same price
                   RiskLevel::kLow},
        // Automobile, Example 1: "Donna is an employee of Bob Blue." 7 of 7 → high.
        IrsExample{"DonnaLeeEmployee",
                   {{"irs.behavioral.instructions", true},     // "on duty … on certain assigned days and times"
                    {"irs.behavioral.evaluation", true},       // "report results to the sales manager"
                    {"irs.financial.market", false},           // "lists of prospective customers belong to the dealer"
                    {"irs.relationship.benefits", true},       // health and group-term life insurance
                    {"irs.relationship.permanency", true},     // "on a full-time basis"
                    {"irs.relationship.key_activity", true}},  // selling cars for an auto dealer
                   RiskLevel::kHigh},
        // Automobile, Example 2: "Sam Sparks is an employee." 6 of 6 → high.
        IrsExample{"SamSparksEmployee",
                   {{"irs.behavioral.instructions", true},           // amounts, parts, time for each job
                    {"irs.behavioral.evaluation", true},             // "checks all estimates and repair orders"
                    {"irs.financial.investment", false},             // "no investment in the repair department"
                    {"irs.financial.unreimbursed_expenses", false},  // company "supplies all facilities, … parts"
                    {"irs.relationship.key_activity", true}},        // repair department of the company
                   RiskLevel::kHigh},
        // Computer industry: "Steve is an independent contractor." 0 of 10 → low.
        IrsExample{"SteveSmithContractor",
                   {{"irs.behavioral.instructions", false},   // "no instructions beyond the specifications"
                    {"irs.behavioral.evaluation", false},     // not expected to attend meetings
                    {"irs.financial.investment", true},       // "a new high-end computer which cost him $7,000"
                    {"irs.financial.fixed_fee", true},        // "a flat amount"
                    {"irs.financial.profit_or_loss", true},   // "isn't guaranteed any minimum payment"
                    {"irs.relationship.contract", true},      // "a written contract … independent contractor"
                    {"irs.relationship.benefits", false},     // "receives no benefits"
                    {"irs.relationship.permanency", false}},  // "a one-time project"
                   RiskLevel::kLow}),
    [](const auto& info) { return std::string(info.param.name); });

Answers AllContractorLike() {
  Answers a;
  for (const Question& q : CurrentQuestionnaire().questions) {
    if (q.framework == Framework::kIrsCommonLaw) a[std::string(q.id)] = !q.employee_answer;
  }
  return a;
}

TEST(ClassificationTest, NoSingleIrsFactorDecides) {
  // Pub. 15-A: all the evidence is weighed. Instructions alone (weight 2 of 14) stays low.
  Answers a = AllContractorLike();
  a["irs.behavioral.instructions"] = true;
  ClassificationResult r = Score(a, In(kTexas));
  EXPECT_EQ(r.risk, RiskLevel::kLow);
  EXPECT_EQ(Find(r, Framework::kIrsCommonLaw)->summary, "2 of 14 answered weight points to employment");
  ASSERT_EQ(r.reasons.size(), 1u);  // the one fact pointing to employment is still listed
  EXPECT_EQ(r.reasons[0].question_id, "irs.behavioral.instructions");
  EXPECT_NE(r.reasons[0].citation.find("Pub. 15-A"), std::string::npos);
}

TEST(ClassificationTest, IrsThresholdsAreShareOfAnsweredWeight) {
  Answers a = AllContractorLike();
  a["irs.behavioral.instructions"] = true;  // 2
  a["irs.relationship.benefits"] = true;    // 1
  a["irs.relationship.permanency"] = true;  // 1 → 4 of 14 = 28.6% ≥ 25%
  EXPECT_EQ(Score(a, In(kTexas)).risk, RiskLevel::kMedium);
  a["irs.behavioral.training"] = true;        // 5
  a["irs.behavioral.evaluation"] = true;      // 6
  a["irs.relationship.key_activity"] = true;  // 7 of 14 = 50% → high
  ClassificationResult r = Score(a, In(kTexas));
  EXPECT_EQ(r.risk, RiskLevel::kHigh);
  EXPECT_TRUE(r.escalation_required);
  EXPECT_TRUE(r.approval_required);
  EXPECT_EQ(r.escalation_reasons.front(), "high misclassification risk");
  EXPECT_EQ(r.reasons.size(), 6u);
}

TEST(ClassificationTest, NoAnswersIsNotLowRisk) {
  ClassificationResult r = Score({}, In(kTexas));
  EXPECT_EQ(r.risk, RiskLevel::kMedium);
  EXPECT_EQ(r.unanswered.size(), 13u);
}

// ---- ABC test: Dynamex (2018) 4 Cal.5th 903's own prong B examples; Lab. Code §2775 -------------------

Answers Abc(std::optional<bool> a, std::optional<bool> b, std::optional<bool> c) {
  Answers out;
  if (a) out["abc.prong_a"] = *a;
  if (b) out["abc.prong_b"] = *b;
  if (c) out["abc.prong_c"] = *c;
  return out;
}

TEST(AbcTest, PlumberForARetailStorePassesProngB) {
  // Dynamex: a retail store hiring an outside plumber to repair a leak — outside its usual course.
  ClassificationResult r = Score(Abc(true, true, true), In(kCalifornia));
  const FrameworkResult* abc = Find(r, Framework::kAbcTest);
  ASSERT_NE(abc, nullptr);
  EXPECT_EQ(abc->risk, RiskLevel::kLow);
  EXPECT_EQ(abc->summary, "CA: all three prongs shown");
}

TEST(AbcTest, SeamstressForAClothingManufacturerFailsProngB) {
  // Dynamex: work-at-home seamstresses making dresses for a clothing manufacturer — within its usual
  // course. Prong A and C shown does not help: all three are needed.
  ClassificationResult r = Score(Abc(true, false, true), In(kCalifornia));
  const FrameworkResult* abc = Find(r, Framework::kAbcTest);
  ASSERT_NE(abc, nullptr);
  EXPECT_EQ(abc->risk, RiskLevel::kHigh);
  EXPECT_EQ(abc->summary, "CA: prong B fails; the worker is presumed an employee");
  EXPECT_EQ(r.risk, RiskLevel::kHigh);
  EXPECT_TRUE(HasReason(r, "abc.prong_b"));
  EXPECT_TRUE(r.approval_required);
}

struct AbcCase {
  const char* name;
  Jurisdiction where;
  Answers answers;
  RiskLevel expected;
  const char* summary;
};

class AbcStateTest : public ::testing::TestWithParam<AbcCase> {};

TEST_P(AbcStateTest, ProngsByState) {
  const AbcCase& c = GetParam();
  ClassificationResult r = Score(c.answers, In(c.where));
  const FrameworkResult* abc = Find(r, Framework::kAbcTest);
  ASSERT_NE(abc, nullptr);
  EXPECT_EQ(abc->risk, c.expected);
  EXPECT_EQ(abc->summary, c.summary);
}

INSTANTIATE_TEST_SUITE_P(
    States, AbcStateTest,
    ::testing::Values(
        // Bakery hiring cake decorators for its custom cakes (Dynamex): prong B fails.
        AbcCase{"CaCakeDecorator", kCalifornia, Abc(true, false, true), RiskLevel::kHigh,
                "CA: prong B fails; the worker is presumed an employee"},
        AbcCase{"MaProngCFails",
                {"US", "MA"},
                Abc(true, true, false),
                RiskLevel::kHigh,
                "MA: prong C fails; the worker is presumed an employee"},
        AbcCase{"MaTwoProngsFail",
                {"US", "MA"},
                Abc(false, true, false),
                RiskLevel::kHigh,
                "MA: prong A, C fails; the worker is presumed an employee"},
        AbcCase{"CaProngANotAnswered", kCalifornia, Abc(std::nullopt, true, true), RiskLevel::kMedium,
                "CA: prong A not yet shown"},
        // N.J.S.A. 43:21-19(i)(6)(B): "either outside the usual course … or … outside of all the places of
        // business": within the usual course but off the premises shows prong B in NJ…
        AbcCase{"NjPlaceAlternativeShowsProngB",
                {"US", "NJ"},
                {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_b_place", true}, {"abc.prong_c", true}},
                RiskLevel::kLow,
                "NJ: all three prongs shown"},
        // …and fails only when both limbs fail.
        AbcCase{"NjBothLimbsFail",
                {"US", "NJ"},
                {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_b_place", false}, {"abc.prong_c", true}},
                RiskLevel::kHigh,
                "NJ: prong B fails; the worker is presumed an employee"},
        AbcCase{
            "NjPlaceUnanswered", {"US", "NJ"}, Abc(true, false, true), RiskLevel::kMedium, "NJ: prong B not yet shown"},
        // California has no place-of-business limb: the same facts fail there.
        AbcCase{"CaIgnoresPlaceLimb",
                kCalifornia,
                {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_c", true}},
                RiskLevel::kHigh,
                "CA: prong B fails; the worker is presumed an employee"},
        AbcCase{"IlPlaceAlternative",
                {"US", "IL"},
                {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_b_place", true}, {"abc.prong_c", true}},
                RiskLevel::kLow,
                "IL: all three prongs shown"},
        // Lab. Code §§2776–2784: an exemption sends the question to Borello — not low, not presumed.
        AbcCase{"CaExemptionClaimed",
                kCalifornia,
                {{"abc.ca_exemption", true}, {"abc.prong_b", false}},
                RiskLevel::kMedium,
                "CA: exemption claimed, ABC gives way to the Borello factors"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AbcTest, NotAppliedOutsideAbcStates) {
  ClassificationResult r = Score(Abc(true, false, true), In(kTexas));
  EXPECT_EQ(Find(r, Framework::kAbcTest), nullptr);
  EXPECT_NE(Find(r, Framework::kIrsCommonLaw), nullptr);
}

// ---- UK IR35 ---------------------------------------------------------------------------------------------

TEST(Ir35Test, TantonGenuineSubstitutionIsOutside) {
  // Express & Echo v Tanton: the contract let him send someone else if unable or unwilling — no contract
  // of service, whatever the control.
  ClassificationResult r =
      Score({{"ir35.substitution", true}, {"ir35.control", true}, {"ir35.mutuality", true}}, In({"GB", ""}));
  const FrameworkResult* ir35 = Find(r, Framework::kUkIr35);
  ASSERT_NE(ir35, nullptr);
  EXPECT_EQ(ir35->risk, RiskLevel::kLow);
  EXPECT_EQ(ir35->summary, "genuine right of substitution: no personal service, outside IR35");
  EXPECT_TRUE(HasReason(r, "ir35.substitution"));
}

TEST(Ir35Test, ReadyMixedConcreteOwnerDriverIsOutside) {
  // Ready Mixed Concrete: the owner-driver could hire a substitute driver and bore the lorry's costs.
  ClassificationResult r =
      Score({{"ir35.substitution", true}, {"ir35.control", true}, {"ir35.financial_risk", true}}, In({"GB", ""}));
  EXPECT_EQ(Find(r, Framework::kUkIr35)->risk, RiskLevel::kLow);
}

TEST(Ir35Test, PersonalServiceControlAndMutualityIsInside) {
  // Autoclenz v Belcher [2011] UKSC 41: the substitution clause did not reflect reality (no genuine
  // right), the valeters worked as directed and were obliged to take the work offered.
  ClassificationResult r = Score({{"ir35.substitution", false},
                                  {"ir35.control", true},
                                  {"ir35.mutuality", true},
                                  {"ir35.financial_risk", true},
                                  {"ir35.part_and_parcel", false}},
                                 In({"GB", ""}));
  const FrameworkResult* ir35 = Find(r, Framework::kUkIr35);
  EXPECT_EQ(ir35->risk, RiskLevel::kHigh);
  EXPECT_EQ(ir35->summary, "personal service, control and mutuality of obligation all present: inside IR35");
  EXPECT_TRUE(HasReason(r, "ir35.control"));
  EXPECT_TRUE(HasReason(r, "ir35.mutuality"));
  EXPECT_FALSE(HasReason(r, "ir35.financial_risk"));  // that fact points away from employment
}

TEST(Ir35Test, WithoutTheIrreducibleMinimumTheFactsAreWeighed) {
  // Personal service (2) only, of 7 answered weight: 28.6% → medium.
  ClassificationResult r = Score({{"ir35.substitution", false},
                                  {"ir35.control", false},
                                  {"ir35.mutuality", false},
                                  {"ir35.financial_risk", true},
                                  {"ir35.part_and_parcel", false}},
                                 In({"GB", ""}));
  EXPECT_EQ(Find(r, Framework::kUkIr35)->risk, RiskLevel::kMedium);
}

// ---- Canada: Wiebe Door / Sagaz ------------------------------------------------------------------------

TEST(CanadaTest, SagazSalesAgentInBusinessOnItsOwnAccountIsLow) {
  // Sagaz, 2001 SCC 59: AIM ran its own business — its own staff, expenses and commissions, its own
  // hours — and was an independent contractor.
  ClassificationResult r = Score({{"canada.intent", true},
                                  {"canada.control", false},
                                  {"canada.subcontract", true},
                                  {"canada.financial_risk", true},
                                  {"canada.investment", true},
                                  {"canada.profit", true}},
                                 In({"CA", "ON"}));
  const FrameworkResult* ca = Find(r, Framework::kCanada);
  ASSERT_NE(ca, nullptr);
  EXPECT_EQ(ca->risk, RiskLevel::kLow);
  EXPECT_EQ(Find(r, Framework::kIrsCommonLaw), nullptr);  // "CA" the country is not California
  EXPECT_EQ(Find(r, Framework::kAbcTest), nullptr);
}

TEST(CanadaTest, RC4110EmployeeIndicatorsAreHigh) {
  // RC4110's employee column: payer controls the work, provides the tools, no subcontracting, no risk,
  // no investment, fixed pay — 8 of 8 weight.
  ClassificationResult r = Score({{"canada.intent", false},
                                  {"canada.control", true},
                                  {"canada.tools", true},
                                  {"canada.subcontract", false},
                                  {"canada.financial_risk", false},
                                  {"canada.investment", false},
                                  {"canada.profit", false}},
                                 In({"CA", "BC"}));
  EXPECT_EQ(Find(r, Framework::kCanada)->risk, RiskLevel::kHigh);
  EXPECT_EQ(Find(r, Framework::kCanada)->summary, "8 of 8 answered weight points to employment");
}

// ---- Jurisdictions and escalation ----------------------------------------------------------------------

TEST(EscalationTest, SeveralJurisdictionsRequireEscalationAndApproval) {
  // A UK resident working for a New York client: both the IRS test and IR35 apply.
  Engagement e{{"US", "NY"}, {"GB", ""}, {}};
  Answers a = AllContractorLike();
  a["ir35.substitution"] = true;
  ClassificationResult r = Score(a, e);
  EXPECT_EQ(r.risk, RiskLevel::kLow);
  EXPECT_NE(Find(r, Framework::kIrsCommonLaw), nullptr);
  EXPECT_NE(Find(r, Framework::kUkIr35), nullptr);
  EXPECT_TRUE(r.escalation_required);
  EXPECT_TRUE(r.approval_required);
  ASSERT_EQ(r.escalation_reasons.size(), 1u);
  EXPECT_EQ(r.escalation_reasons[0], "worker and work in several jurisdictions: GB, US-NY");
}

TEST(EscalationTest, OneJurisdictionAndLowRiskNeedsNoApproval) {
  ClassificationResult r = Score(AllContractorLike(), In(kTexas));
  EXPECT_EQ(r.risk, RiskLevel::kLow);
  EXPECT_FALSE(r.escalation_required);
  EXPECT_FALSE(r.approval_required);
  EXPECT_EQ(r.jurisdictions, (std::vector<Jurisdiction>{kTexas}));
}

TEST(EscalationTest, AWorkStateInTwoAbcStatesScoresEach) {
  Engagement e{kCalifornia, kCalifornia, {{"US", "NJ"}}};
  Answers a = {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_b_place", true}, {"abc.prong_c", true}};
  ClassificationResult r = Score(a, e);
  std::vector<std::string> summaries;
  for (const auto& f : r.frameworks) {
    if (f.framework == Framework::kAbcTest) summaries.push_back(f.summary);
  }
  EXPECT_EQ(summaries, (std::vector<std::string>{"CA: prong B fails; the worker is presumed an employee",
                                                 "NJ: all three prongs shown"}));
  EXPECT_EQ(r.escalation_reasons.size(), 2u);  // high risk and two jurisdictions
}

TEST(EscalationTest, UnknownCountryIsEscalated) {
  ClassificationResult r = Score({}, In({"DE", ""}));
  EXPECT_TRUE(r.frameworks.empty());
  EXPECT_TRUE(r.escalation_required);
  EXPECT_EQ(r.escalation_reasons.back(), "no classification rules in questionnaire 2026-11-22 for DE");
}

TEST(ClassificationTest, RefusesUnknownQuestionsAndAMissingWorkPlace) {
  auto r = Classify(CurrentQuestionnaire(), {{"irs.vibes", true}}, In(kTexas));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "classification.unknown_question");
  EXPECT_EQ(r.error().fields.at(0).field, "irs.vibes");
  r = Classify(CurrentQuestionnaire(), {}, Engagement{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "classification.work_jurisdiction_required");
}

TEST(ClassificationTest, QuestionnaireIsVersionedDataWithCitations) {
  const Questionnaire& qn = CurrentQuestionnaire();
  EXPECT_FALSE(qn.version.empty());
  std::set<std::string_view> ids;
  std::set<Framework> frameworks;
  for (const Question& q : qn.questions) {
    EXPECT_TRUE(ids.insert(q.id).second) << "duplicate " << q.id;
    EXPECT_FALSE(q.citation.empty()) << q.id;
    EXPECT_FALSE(q.text.empty()) << q.id;
    EXPECT_GT(q.weight, 0) << q.id;
    frameworks.insert(q.framework);
  }
  EXPECT_EQ(frameworks.size(), 4u);
  std::set<std::string_view> categories;
  for (const Question& q : qn.questions) {
    if (q.framework == Framework::kIrsCommonLaw) categories.insert(q.category);
  }
  EXPECT_EQ(categories, (std::set<std::string_view>{"behavioral", "financial", "relationship"}));
  for (const char* state : {"CA", "MA", "NJ", "IL"}) EXPECT_NE(qn.FindAbcState(state), nullptr) << state;
}


// Days counted by hand: 2026-03-02 … 2026-12-31 is 305 days (March 30 + Apr 30 + May 31 + Jun 30 + Jul 31 +
// Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 305); … 2027-06-30 adds 181 (Jan 31 + Feb 28 + Mar 31 + Apr 30 +
// May 31 + Jun 30), 486 in all.
TEST(ClassificationRecheck, AContractorsExtensionReopensTheDetermination) {
  AssignmentChange change;
  change.worker_type = WorkerType::kContractor1099;
  change.extension = true;
  change.start_date = Date::Parse("2026-03-02").value();
  change.end_before = Date::Parse("2026-12-31").value();
  change.end_after = Date::Parse("2027-06-30").value();
  const auto need = ClassificationRecheck(change);
  ASSERT_TRUE(need.has_value());
  EXPECT_EQ(need->reason,
            "The contractor's engagement was extended from 2026-12-31 to 2027-06-30, 486 days from the start on "
            "2026-03-02 (permanency). Re-check the classification: permanence and integration drift over time.");
  ASSERT_EQ(need->citations.size(), 1u);
  EXPECT_NE(need->citations[0].find("permanency"), std::string::npos);
  // A foreign contractor too; an employee never.
  change.worker_type = WorkerType::kForeignContractor;
  EXPECT_TRUE(ClassificationRecheck(change).has_value());
  change.worker_type = WorkerType::kW2Employee;
  EXPECT_FALSE(ClassificationRecheck(change).has_value());
}

TEST(ClassificationRecheck, MaterialRevisionsOnly) {
  AssignmentChange change;
  change.worker_type = WorkerType::kContractor1099;
  change.start_date = Date::Parse("2026-03-02").value();
  // A cost centre, location text or manager e-mail: nothing the common-law factors weigh.
  EXPECT_FALSE(ClassificationRecheck(change).has_value());
  change.manager_changed = true;
  change.rates_changed = true;
  const auto need = ClassificationRecheck(change);
  ASSERT_TRUE(need.has_value());
  EXPECT_EQ(need->reason,
            "The contractor's engagement was revised: a different manager directs the work (behavioral control); "
            "and the rates changed (how the business pays). Re-check the classification: permanence and "
            "integration drift over time.");
  ASSERT_EQ(need->citations.size(), 2u);
  EXPECT_NE(need->citations[0].find("behavioral control: instructions"), std::string::npos);
  EXPECT_NE(need->citations[1].find("how the business pays"), std::string::npos);
  change.manager_changed = change.rates_changed = false;
  change.title_changed = true;
  EXPECT_NE(ClassificationRecheck(change)->reason.find("the work changed (title)"), std::string::npos);
}

}  // namespace
}  // namespace concord::workforce
