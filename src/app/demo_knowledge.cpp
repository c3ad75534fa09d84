// The Level-1 knowledge articles of the demo (knowledge_base.h): written from the statutes and regulations
// they cite, for the questions the seed names (FLSA status, overtime, final pay, co-employment, benefits).
#include "app/demo_workforce_comms.h"

namespace concord::app {
namespace {

using nlohmann::json;

json Cite(const char* label, const char* url) { return {{"label", label}, {"url", url}}; }

json Articles() {
  return json::array({
      {{"title", "Exempt or non-exempt under the FLSA"},
       {"topic", "flsa_status"},
       {"body",
        "A worker is non-exempt (paid overtime) unless an exemption applies. The executive, administrative and "
        "professional exemptions need all three:\n"
        "1. Salary basis: a predetermined amount every pay period, not reduced for the quality or quantity of "
        "the work (29 CFR 541.602).\n"
        "2. At least $684 a week (29 CFR 541.600(a)). The 2024 increases to $844 and $1,128 were vacated "
        "(Texas v. U.S. Department of Labor, E.D. Tex., Nov. 15, 2024), so $684 is the federal level.\n"
        "3. The exemption's duties test (29 CFR 541.100, 541.200, 541.300). A job title decides nothing.\n"
        "Computer employees may instead be paid at least $27.63 an hour (29 CFR 541.400(b)). States may set "
        "more: California's exempt salary is at least twice the state minimum wage for full-time work "
        "(Cal. Lab. Code §515(a)).\n"
        "Independent contractors are outside these rules: classification comes first.\n"
        "Level II (HRBP): any judgement on duties, or changing a current worker's status."},
       {"citations", json::array({Cite("29 CFR 541.600 (salary level)", "https://www.ecfr.gov/current/title-29/section-541.600"),
                                  Cite("29 CFR 541.602 (salary basis)", "https://www.ecfr.gov/current/title-29/section-541.602"),
                                  Cite("DOL Fact Sheet #17A", "https://www.dol.gov/agencies/whd/fact-sheets/17a-overtime"),
                                  Cite("Cal. Lab. Code §515", "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=515")})}},
      {{"title", "Overtime for non-exempt workers"},
       {"topic", "overtime"},
       {"body",
        "Hours worked over 40 in a workweek are paid at least one and a half times the regular rate "
        "(29 U.S.C. §207(a)(1)). The workweek is a fixed, recurring 168 hours; hours are never averaged over "
        "two weeks (29 CFR 778.104, 778.105). The regular rate includes non-discretionary bonuses and shift "
        "differentials (29 U.S.C. §207(e)). Some states add daily overtime: California pays 1.5 times over 8 "
        "hours in a day and twice over 12 (Cal. Lab. Code §510(a)).\n"
        "Check the approved timecard first: overtime missing from a check is a payroll ticket (missing pay)."},
       {"citations", json::array({Cite("29 U.S.C. §207", "https://www.law.cornell.edu/uscode/text/29/207"),
                                  Cite("29 CFR 778.105 (the workweek)", "https://www.ecfr.gov/current/title-29/section-778.105"),
                                  Cite("Cal. Lab. Code §510", "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=510")})}},
      {{"title", "When the final paycheck is due"},
       {"topic", "final_pay"},
       {"body",
        "Federal law sets no deadline for the last paycheck; it is due by the regular payday for the last pay "
        "period, and the worker may contact the Wage and Hour Division if it is not paid (DOL, Last Paycheck). "
        "The work state decides the deadline. California: at once on discharge (Lab. Code §201); with at "
        "least 72 hours' notice of resignation, on the last day; without notice, within 72 hours (§202); each "
        "day late costs a day's wages, up to 30 days (§203).\n"
        "concord computes each assignment's deadline from its work state when the assignment ends (the "
        "assignment's Final pay)."},
       {"citations", json::array({Cite("DOL: Last Paycheck", "https://www.dol.gov/general/topic/wages/lastpaycheck"),
                                  Cite("Cal. Lab. Code §§201–203", "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=201")})}},
      {{"title", "Keeping co-employment risk low"},
       {"topic", "co_employment"},
       {"body",
        "As employer of record we are the worker's legal employer: we hire, pay, withhold, provide benefits and "
        "end employment; the client directs the day-to-day work. To keep those roles apart:\n"
        "- no direct employment contract between the client and the worker;\n"
        "- changes to pay, hours, benefits, leave or contract terms are made by us;\n"
        "- we reimburse expenses, not the client;\n"
        "- the client raises discipline or an ending with us before any step, a performance plan included;\n"
        "- the worker is not enrolled in the client's benefit plans or bound by its handbook.\n"
        "Under the FLSA, joint employment turns on the economic realities of who hires, fires, supervises, "
        "sets pay and keeps records; DOL's 2020 joint-employer rule was rescinded in 2021.\n"
        "Level II (account executive): a client asking to do any of the above itself."},
       {"citations", json::array({Cite("29 U.S.C. §203(d), (g) (employer; employ)", "https://www.law.cornell.edu/uscode/text/29/203"),
                                  Cite("Rescission of the joint employer rule, 86 Fed. Reg. 40939 (2021)", "https://www.federalregister.gov/d/2021-16189")})}},
      {{"title", "Who is eligible for benefits"},
       {"topic", "benefits"},
       {"body",
        "For the Affordable Care Act's employer mandate, a full-time employee averages at least 30 hours of "
        "service a week; 130 hours in a calendar month counts as the monthly equivalent (26 U.S.C. "
        "§4980H(c)(4); 26 CFR 54.4980H-1(a)(21)). A group health plan may not make anyone wait more than 90 days "
        "for coverage (29 CFR 2590.715-2708).\n"
        "Our plans' own documents decide eligibility; contractors (1099 or foreign) are not eligible.\n"
        "Level II (HRBP): eligibility disputes, variable-hour measurement periods, COBRA."},
       {"citations", json::array({Cite("26 U.S.C. §4980H", "https://www.law.cornell.edu/uscode/text/26/4980H"),
                                  Cite("26 CFR 54.4980H-1", "https://www.ecfr.gov/current/title-26/section-54.4980H-1"),
                                  Cite("29 CFR 2590.715-2708 (90-day waiting period)", "https://www.ecfr.gov/current/title-29/section-2590.715-2708")})}},
  });
}

}  // namespace

Status AddKnowledgeDemo(Platform& p, const auth::Principal& coordinator) {
  for (const auto& article : Articles()) TRY(p.workforce_comms->knowledge.Create(coordinator, article, "demo"));
  return {};
}

}  // namespace concord::app
