// The final-pay table: one row per work state, each with its citation. Sources: the statutes as quoted in
// ../shared/reference/workforce-notes.md §4.5 (CA, NY, TX, FL, IL, MA, WA, NJ, PA) and the statute text
// for OH (R.C. 4113.15(A)), NC (G.S. 95-25.7), MI (MCL 408.475) and GA (no statute). Change a row by
// adding a new table version, never by editing one a stored deadline names.
#include <array>

#include "workforce/final_pay.h"

namespace concord::workforce {
namespace {

using R = FinalPayRule;

constexpr FinalPayProvision kNextPayday{R::kNextRegularPayday, 0, 0, false, "no later than the next regular payday"};
constexpr FinalPayProvision kPeriodPayday{
    R::kPaydayForFinalPeriod, 0, 0, false,
    "no later than the regular payday for the pay period in which the separation occurred"};

constexpr std::array kRules = {
    FinalPayStateRule{
        "CA",
        {R::kImmediately, 0, 0, false, "immediately, at the time of discharge"},
        {R::kHoursAfterSeparation, 72, 0, false, "within 72 hours after quitting without notice"},
        FinalPayProvision{R::kImmediately, 0, 0, false,
                          "at the time of quitting (at least 72 hours' notice was given)"},
        72,
        "Cal. Lab. Code §201(a) (discharge); §202(a) (quit)",
        true,
        "Waiting-time penalty up to 30 days' wages (§203). The 72 hours run through weekends and holidays. "
        "Accrued vacation is wages (§227.3)."},
    FinalPayStateRule{
        "TX",
        {R::kDaysAfterSeparation, 0, 6, true,
         "not later than the sixth day after discharge; a Saturday, Sunday or legal holiday moves it to the "
         "next day that is none of these"},
        {R::kNextRegularPayday, 0, 0, false, "not later than the next regularly scheduled payday"},
        std::nullopt,
        0,
        "Tex. Lab. Code §61.014(a); Tex. Gov't Code §311.014(b) via Tex. Lab. Code §1.002",
        true,
        "'Discharge' includes layoff. Bad-faith penalty: the lesser of the wages or $1,000 (§61.053)."},
    FinalPayStateRule{"FL", kNextPayday, kNextPayday, std::nullopt, 0,
                      "None: Florida has no final-pay statute and the FLSA sets no final-pay deadline", false,
                      "Next regular payday is practice, not law; unpaid wages remain a civil claim."},
    FinalPayStateRule{"NY", kPeriodPayday, kPeriodPayday, std::nullopt, 0, "N.Y. Lab. Law §191(3)", true,
                      "By mail if the employee asks. Vacation payout per written policy."},
    FinalPayStateRule{"PA",
                      {R::kPaydayForFinalPeriod, 0, 0, false,
                       "no later than the next regular payday on which the wages would otherwise be due"},
                      {R::kPaydayForFinalPeriod, 0, 0, false,
                       "no later than the next regular payday on which the wages would otherwise be due"},
                      std::nullopt,
                      0,
                      "43 P.S. §260.5(a) (Wage Payment and Collection Law)",
                      true,
                      "By certified mail on request."},
    FinalPayStateRule{"IL",
                      {R::kNextRegularPayday, 0, 0, false,
                       "at separation if possible, and no later than the next regularly scheduled payday"},
                      {R::kNextRegularPayday, 0, 0, false,
                       "at separation if possible, and no later than the next regularly scheduled payday"},
                      std::nullopt,
                      0,
                      "820 ILCS 115/5",
                      true,
                      "Earned vacation must be paid; no forfeiture. By mail on written request."},
    FinalPayStateRule{
        "OH",
        {R::kSemiMonthlyStatutory, 0, 0, false,
         "wages earned 1st–15th by the 1st of the next month; wages earned 16th–end by the 15th of the next "
         "month"},
        {R::kSemiMonthlyStatutory, 0, 0, false,
         "wages earned 1st–15th by the 1st of the next month; wages earned 16th–end by the 15th of the next "
         "month"},
        std::nullopt,
        0,
        "Ohio Rev. Code §4113.15(A)",
        true,
        "No separate final-pay statute: the semi-monthly payment rule applies. Liquidated damages of 6% or "
        "$200 after 30 days unpaid (§4113.15(B)). Pay at the regular payday if earlier."},
    FinalPayStateRule{"GA", kNextPayday, kNextPayday, std::nullopt, 0,
                      "None: Georgia has no final-pay statute (O.C.G.A. §34-7-2 sets paydays only)", false,
                      "Next regular payday is practice, not law."},
    FinalPayStateRule{"NC",
                      {R::kNextRegularPayday, 0, 0, false, "on or before the next regular payday"},
                      {R::kNextRegularPayday, 0, 0, false, "on or before the next regular payday"},
                      std::nullopt,
                      0,
                      "N.C. Gen. Stat. §95-25.7",
                      true,
                      "By mail if the employee asks. Bonuses and commissions: first regular payday after the "
                      "amount becomes calculable."},
    FinalPayStateRule{
        "MI",
        {R::kPaydayForFinalPeriod, 0, 0, false,
         "immediately, as soon as the amount can with due diligence be determined; no later than the "
         "regular payday for the period of the discharge"},
        {R::kPaydayForFinalPeriod, 0, 0, false,
         "as soon as the amount can with due diligence be determined; no later than the regular payday for "
         "the period of the quit"},
        std::nullopt,
        0,
        "Mich. Comp. Laws §408.475(1)–(2)",
        true,
        "The statute says 'as soon as … with due diligence'; the payday outer limit is the department's "
        "reading as reported by secondary sources (Mich. Admin. Code R 408.9007): verify before relying on "
        "the payday."},
    FinalPayStateRule{"MA",
                      {R::kImmediately, 0, 0, false, "in full on the day of discharge"},
                      {R::kNextPaydayElseSaturday, 0, 0, false,
                       "in full on the following regular payday, or, with no regular payday, the following "
                       "Saturday"},
                      std::nullopt,
                      0,
                      "Mass. G.L. c.149 §148",
                      true,
                      "Direct deposit must arrive that day. Vacation is wages. Treble damages (c.149 §150)."},
    FinalPayStateRule{"NJ", kPeriodPayday, kPeriodPayday, std::nullopt, 0, "N.J.S.A. 34:11-4.3; N.J.A.C. 12:55-2.4",
                      true, "+10 days in labor disputes involving payroll staff. By mail on request."},
    FinalPayStateRule{"WA",
                      {R::kPaydayForFinalPeriod, 0, 0, false, "at the end of the established pay period"},
                      {R::kPaydayForFinalPeriod, 0, 0, false, "at the end of the established pay period"},
                      std::nullopt,
                      0,
                      "RCW 49.48.010",
                      true,
                      "Read as the regular payday of the established pay period; not 'immediately'."},
};

constexpr FinalPayTable kTable{"2026-11-22", kRules};

}  // namespace

const FinalPayTable& CurrentFinalPayTable() { return kTable; }

}  // namespace concord::workforce
