// Contractor classification (issue 4; reference notes §4.1–4.4): a questionnaire whose questions are data
// (versioned, each with its citation), answered per engagement, scored per legal test into a risk result
// with the reasons listed, and the escalation/approval the answer requires.
//
// Tests ("frameworks") and where they apply:
//   IRS common law   any US jurisdiction. Behavioural, financial and relationship facts weighed together;
//                    no single factor decides (IRS Pub. 15-A ch. 2; Rev. Rul. 87-41).
//   ABC test         a US state in the questionnaire's ABC table (CA, MA, NJ, IL): the worker is presumed
//                    an employee unless all three prongs are shown, so one failed prong is high risk.
//   UK IR35          any GB jurisdiction: control, personal service (substitution), mutuality of obligation
//                    (Ready Mixed Concrete [1968] 2 QB 497; Express & Echo v Tanton [1999] ICR 693; HMRC CEST).
//   Canada           any CA-country jurisdiction: intent, then control, tools, subcontracting, financial risk,
//                    investment and management, opportunity for profit (Wiebe Door, 1986; Sagaz, 2001 SCC
//                    59; CRA RC4110).
//
// Pure: no clock, no I/O. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace concord::workforce {

enum class Framework { kIrsCommonLaw, kAbcTest, kUkIr35, kCanada };
enum class RiskLevel { kLow, kMedium, kHigh };

std::string_view ToString(Framework framework);  // "irs_common_law", "abc_test", "uk_ir35", "canada"
std::string_view ToString(RiskLevel risk);       // "low", "medium", "high"

// A place: ISO 3166-1 alpha-2 country and, for the US and Canada, the state/province code.
struct Jurisdiction {
  std::string country;           // "US", "GB", "CA"
  std::string region;            // "CA" (California), "ON"; empty where none
  std::string ToString() const;  // "US-CA", "GB"
  friend bool operator==(const Jurisdiction&, const Jurisdiction&) = default;
  friend auto operator<=>(const Jurisdiction&, const Jurisdiction&) = default;
};

// What a question's special role in the scoring is, beyond its weight.
enum class QuestionRole {
  kFactor,     // weighed with the others of its framework
  kAbcProngA,  // ABC prongs: a "no" (employee answer) fails the prong
  kAbcProngB,
  kAbcProngBPlace,  // NJ/IL alternative to prong B: performed outside all the places of business
  kAbcProngC,
  kAbcExemption,      // CA §§2776–2784 exemption claimed: ABC gives way to Borello
  kIr35Substitution,  // a genuine right of substitution: personal service absent, outside IR35
  kIr35Control,
  kIr35Mutuality,
};

struct Question {
  std::string_view id;  // stable: "irs.behavioral.instructions"
  Framework framework;
  std::string_view category;  // "behavioral" | "financial" | "relationship" | "prong_a" | "control" …
  std::string_view text;      // asked as a yes/no question
  bool employee_answer;       // the answer that points to employment
  int weight;                 // relative weight inside the framework (kFactor questions)
  QuestionRole role;
  std::string_view citation;
  // Limits the question to these US states (e.g. NJ/IL place-of-business alternative); empty = all
  // jurisdictions of the framework.
  std::span<const std::string_view> only_states = {};
};

// Where the ABC test governs and under which authority (state × purpose; wage/hour is what an EOR's pay
// depends on).
struct AbcState {
  std::string_view state;
  std::string_view purpose;
  std::string_view citation;
};

struct Questionnaire {
  std::string_view version;
  std::span<const Question> questions;
  std::span<const AbcState> abc_states;
  // Share of a framework's answered weight pointing to employment at or above which its risk is high /
  // medium, in percent.
  int high_percent = 50;
  int medium_percent = 25;
  const Question* Find(std::string_view id) const;
  const AbcState* FindAbcState(std::string_view state) const;
};

const Questionnaire& CurrentQuestionnaire();

// Answers by question id. A question without an answer is "unknown": it does not count either way, and is
// listed in ClassificationResult::unanswered as evidence still to collect.
using Answers = std::map<std::string, bool, std::less<>>;

struct Engagement {
  Jurisdiction work;                     // where the work is done
  Jurisdiction worker_home;              // where the worker lives
  std::vector<Jurisdiction> other_work;  // further places the work is done
};

struct Reason {
  Framework framework;
  std::string question_id;  // empty for a framework-level reason
  std::string text;
  std::string citation;
};

struct FrameworkResult {
  Framework framework;
  RiskLevel risk = RiskLevel::kLow;
  int employee_weight = 0;  // answered weight pointing to employment (kFactor questions)
  int answered_weight = 0;
  std::string summary;  // "3 of 9 answered weight points to employment", "prong B fails", …
};

struct ClassificationResult {
  std::string questionnaire_version;
  RiskLevel risk = RiskLevel::kLow;         // the highest of the frameworks'
  std::vector<FrameworkResult> frameworks;  // those that applied, in Framework order
  std::vector<Reason> reasons;              // every fact and rule behind the risk
  std::vector<std::string> unanswered;      // ids of applicable questions with no answer
  std::vector<Jurisdiction> jurisdictions;  // distinct places involved, sorted
  bool escalation_required = false;
  std::vector<std::string> escalation_reasons;
  // Onboarding cannot finish until an approver signs the determination (issue 4: high risk or several
  // jurisdictions require escalation and an approver).
  bool approval_required = false;
};

// Scores the answers. Errors (kInvalid):
//   classification.unknown_question   an answer names no question of the questionnaire (field = the id)
//   classification.work_jurisdiction_required  engagement.work.country is empty
Result<ClassificationResult> Classify(const Questionnaire& questionnaire, const Answers& answers,
                                      const Engagement& engagement);

}  // namespace concord::workforce
