// The classification questionnaire as data. Each question cites the source it comes from; a change is a
// new version (stored with every determination), never an edit of one that determinations name.
#include <array>

#include "workforce/classification.h"

namespace concord::workforce {
namespace {

using F = Framework;
using Q = QuestionRole;

constexpr std::array<std::string_view, 2> kNjIl = {"NJ", "IL"};
constexpr std::array<std::string_view, 1> kCa = {"CA"};

constexpr std::array kQuestions = {
    // IRS common law: Pub. 15-A groups the facts in three categories; Rev. Rul. 87-41's 20 factors fed them.
    Question{"irs.behavioral.instructions", F::kIrsCommonLaw, "behavioral",
             "Does the business have the right to direct when, where and how the work is done, not only its "
             "result?",
             true, 2, Q::kFactor,
             "IRS Pub. 15-A ch. 2, behavioral control: instructions; Rev. Rul. 87-41 factors 1, 7, 9, 10"},
    Question{"irs.behavioral.training", F::kIrsCommonLaw, "behavioral",
             "Does the business train the worker to perform the services in a particular way?", true, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, behavioral control: training; Rev. Rul. 87-41 factor 2"},
    Question{"irs.behavioral.evaluation", F::kIrsCommonLaw, "behavioral",
             "Does the business supervise or evaluate how the work is done (checks, reports), not only the "
             "result?",
             true, 1, Q::kFactor, "IRS Pub. 15-A ch. 2, behavioral control: evaluation; Rev. Rul. 87-41 factor 11"},
    Question{"irs.financial.unreimbursed_expenses", F::kIrsCommonLaw, "financial",
             "Does the worker bear significant unreimbursed business expenses, especially fixed ongoing costs?", false,
             1, Q::kFactor, "IRS Pub. 15-A ch. 2, financial control: unreimbursed expenses; Rev. Rul. 87-41 factor 13"},
    Question{"irs.financial.investment", F::kIrsCommonLaw, "financial",
             "Has the worker a significant investment in the facilities or tools used?", false, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, financial control: investment; Rev. Rul. 87-41 factors 14, 15"},
    Question{
        "irs.financial.market", F::kIrsCommonLaw, "financial",
        "Does the worker make the services available to the market (other clients, advertising, a "
        "business name)?",
        false, 1, Q::kFactor,
        "IRS Pub. 15-A ch. 2, financial control: services available to the market; Rev. Rul. 87-41 factors 17, 18"},
    Question{"irs.financial.fixed_fee", F::kIrsCommonLaw, "financial",
             "Is the worker paid a flat fee or by the job rather than a regular wage for a period (hour, week, "
             "month)?",
             false, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, financial control: how the business pays; Rev. Rul. 87-41 factor 12"},
    Question{"irs.financial.profit_or_loss", F::kIrsCommonLaw, "financial",
             "Can the worker make a profit or incur a loss?", false, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, financial control: profit or loss; Rev. Rul. 87-41 factor 16"},
    Question{"irs.financial.own_assistants", F::kIrsCommonLaw, "financial",
             "Does the worker hire, supervise and pay their own assistants?", false, 1, Q::kFactor,
             "Rev. Rul. 87-41 factor 5"},
    Question{"irs.relationship.contract", F::kIrsCommonLaw, "relationship",
             "Is there a written contract stating that the worker is an independent contractor?", false, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, type of relationship: written contracts (a label alone does not decide)"},
    Question{"irs.relationship.benefits", F::kIrsCommonLaw, "relationship",
             "Does the business provide employee-type benefits (insurance, pension, vacation or sick pay)?", true, 1,
             Q::kFactor, "IRS Pub. 15-A ch. 2, type of relationship: employee benefits"},
    Question{"irs.relationship.permanency", F::kIrsCommonLaw, "relationship",
             "Is the relationship expected to continue indefinitely rather than for a specific project or "
             "period?",
             true, 1, Q::kFactor, "IRS Pub. 15-A ch. 2, type of relationship: permanency; Rev. Rul. 87-41 factor 6"},
    Question{"irs.relationship.key_activity", F::kIrsCommonLaw, "relationship",
             "Are the services a key aspect of the business's regular business?", true, 1, Q::kFactor,
             "IRS Pub. 15-A ch. 2, type of relationship: key aspect of the regular business; Rev. Rul. 87-41 factor 3"},

    // ABC test: all three prongs must be shown; the hiring entity bears the burden.
    Question{"abc.prong_a", F::kAbcTest, "prong_a",
             "Is the worker free from the hiring entity's control and direction in performing the work, under "
             "the contract and in fact?",
             false, 1, Q::kAbcProngA,
             "Cal. Lab. Code §2775(b)(1)(A); Mass. G.L. c.149 §148B(a)(1); N.J.S.A. 43:21-19(i)(6)(A); 820 ILCS 115/2"},
    Question{"abc.prong_b", F::kAbcTest, "prong_b",
             "Is the work performed outside the usual course of the hiring entity's business?", false, 1, Q::kAbcProngB,
             "Cal. Lab. Code §2775(b)(1)(B); Mass. G.L. c.149 §148B(a)(2); N.J.S.A. 43:21-19(i)(6)(B); 820 ILCS 115/2"},
    Question{"abc.prong_b_place", F::kAbcTest, "prong_b",
             "Is the work performed outside all the places of business of the hiring entity?", false, 1,
             Q::kAbcProngBPlace,
             "N.J.S.A. 43:21-19(i)(6)(B) ('either … or'); 820 ILCS 115/2 (unless the employer places employees with "
             "third parties)",
             kNjIl},
    Question{"abc.prong_c", F::kAbcTest, "prong_c",
             "Is the worker customarily engaged in an independently established trade, occupation or business "
             "of the same nature as the work performed?",
             false, 1, Q::kAbcProngC,
             "Cal. Lab. Code §2775(b)(1)(C); Mass. G.L. c.149 §148B(a)(3); N.J.S.A. 43:21-19(i)(6)(C); 820 ILCS 115/2"},
    Question{"abc.ca_exemption", F::kAbcTest, "exemption",
             "Does a documented exemption of Cal. Lab. Code §§2776–2784 apply (e.g. bona fide "
             "business-to-business, professional services)?",
             false, 1, Q::kAbcExemption, "Cal. Lab. Code §§2776–2784; S.G. Borello & Sons v. DIR (1989) 48 Cal.3d 341",
             kCa},

    // UK IR35 / off-payroll working: the irreducible minimum of a contract of service.
    Question{"ir35.substitution", F::kUkIr35, "substitution",
             "Has the worker's company a genuine right to send a substitute the client cannot refuse (except "
             "for lack of skill), paying the substitute itself?",
             false, 2, Q::kIr35Substitution,
             "Express & Echo Publications v Tanton [1999] ICR 693 (CA); HMRC CEST 'substitutes and helpers'"},
    Question{"ir35.control", F::kUkIr35, "control",
             "Does the client decide how the work is done, and when and where, beyond agreeing the deliverable?", true,
             2, Q::kIr35Control, "Ready Mixed Concrete v MPNI [1968] 2 QB 497; HMRC CEST 'working arrangements'"},
    Question{"ir35.mutuality", F::kUkIr35, "mutuality",
             "Is the client obliged to offer work and the worker obliged to accept it, for pay?", true, 1,
             Q::kIr35Mutuality, "Carmichael v National Power [1999] UKHL 47; Ready Mixed Concrete [1968] 2 QB 497"},
    Question{"ir35.financial_risk", F::kUkIr35, "financial_risk",
             "Does the worker risk losing money (putting poor work right at own cost, unrecovered expenses)?", false, 1,
             Q::kFactor, "HMRC CEST 'financial risk'; ITEPA 2003 Ch. 10 s.61M"},
    Question{"ir35.part_and_parcel", F::kUkIr35, "part_and_parcel",
             "Is the worker part and parcel of the client's organisation (manages its staff, presents as its "
             "employee)?",
             true, 1, Q::kFactor, "HMRC CEST 'part and parcel'"},

    // Canada: intent first, then the facts (CRA RC4110 two-step approach).
    Question{"canada.intent", F::kCanada, "intent",
             "Do both parties intend a contract for services (self-employment), in the contract and in how "
             "they act?",
             false, 1, Q::kFactor, "1392644 Ontario Inc. (Connor Homes) v. MNR, 2013 FCA 85; CRA RC4110 step 1"},
    Question{"canada.control", F::kCanada, "control", "Does the payer control how, when and where the work is done?",
             true, 2, Q::kFactor, "Wiebe Door Services Ltd. v. MNR, [1986] 3 F.C. 553 (FCA): control; CRA RC4110"},
    Question{"canada.tools", F::kCanada, "tools", "Does the payer provide the tools and equipment?", true, 1,
             Q::kFactor, "Wiebe Door (FCA 1986): ownership of tools; CRA RC4110"},
    Question{"canada.subcontract", F::kCanada, "subcontract",
             "Can the worker subcontract the work or hire assistants at their own expense?", false, 1, Q::kFactor,
             "671122 Ontario Ltd. v. Sagaz Industries Canada Inc., 2001 SCC 59, para. 47; CRA RC4110"},
    Question{"canada.financial_risk", F::kCanada, "financial_risk",
             "Does the worker bear financial risk (fixed costs, liability for defective work)?", false, 1, Q::kFactor,
             "Wiebe Door (FCA 1986): risk of loss; CRA RC4110"},
    Question{"canada.investment", F::kCanada, "investment",
             "Has the worker invested in, and does the worker manage, a business of their own?", false, 1, Q::kFactor,
             "Sagaz, 2001 SCC 59, para. 47: investment and management; CRA RC4110"},
    Question{"canada.profit", F::kCanada, "profit", "Can the worker increase profit through how they manage the work?",
             false, 1, Q::kFactor, "Wiebe Door (FCA 1986): chance of profit; Sagaz para. 47"},
};

// ABC by state for wage/hour purposes (reference notes §4.2, EPI table). IL's Wage Payment and Collection
// Act uses ABC-style conditions for the definition of employee.
constexpr std::array kAbcStates = {
    AbcState{"CA", "wage_hour", "Cal. Lab. Code §2775 (AB 5 / AB 2257); Dynamex (2018) 4 Cal.5th 903"},
    AbcState{"MA", "wage_hour", "Mass. G.L. c.149 §148B"},
    AbcState{"NJ", "wage_hour", "N.J.S.A. 43:21-19(i)(6)(A)–(C); Hargrove v. Sleepy's, 220 N.J. 289 (2015)"},
    AbcState{"IL", "wage_payment", "820 ILCS 115/2 (Wage Payment and Collection Act)"},
};

constexpr Questionnaire kQuestionnaire{"2026-11-22", kQuestions, kAbcStates, 50, 25};

}  // namespace

const Questionnaire& CurrentQuestionnaire() { return kQuestionnaire; }

}  // namespace concord::workforce
