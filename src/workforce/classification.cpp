#include "workforce/classification.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace concord::workforce {
namespace {

bool AppliesIn(const Question& q, std::string_view state) {
  return q.only_states.empty() || std::find(q.only_states.begin(), q.only_states.end(), state) != q.only_states.end();
}

std::optional<bool> AnswerOf(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  if (it == answers.end()) return std::nullopt;
  return it->second;
}

// True when the question's answer points to employment; nullopt when unanswered.
std::optional<bool> PointsToEmployee(const Question& q, const Answers& answers) {
  auto answer = AnswerOf(answers, q.id);
  if (!answer) return std::nullopt;
  return *answer == q.employee_answer;
}

RiskLevel RiskFromShare(const Questionnaire& qn, int employee, int answered) {
  if (answered == 0) return RiskLevel::kMedium;  // no evidence is not low risk
  if (employee * 100 >= qn.high_percent * answered) return RiskLevel::kHigh;
  if (employee * 100 >= qn.medium_percent * answered) return RiskLevel::kMedium;
  return RiskLevel::kLow;
}

// The questions of one framework that apply to `state` (ABC only), with the unanswered ones recorded.
std::vector<const Question*> Applicable(const Questionnaire& qn, Framework framework, std::string_view state,
                                        const Answers& answers, std::set<std::string>& unanswered) {
  std::vector<const Question*> out;
  for (const Question& q : qn.questions) {
    if (q.framework != framework || !AppliesIn(q, state)) continue;
    out.push_back(&q);
    if (!AnswerOf(answers, q.id)) unanswered.insert(std::string(q.id));
  }
  return out;
}

Reason FactReason(const Question& q, bool answer) {
  return Reason{q.framework, std::string(q.id),
                fmt::format("{} — {}: points to employment", q.text, answer ? "yes" : "no"), std::string(q.citation)};
}

// Weighs the kFactor questions (and any others passed) of a framework: the share of answered weight that
// points to employment, against the questionnaire's thresholds. No single factor decides (Pub. 15-A).
FrameworkResult Weigh(const Questionnaire& qn, Framework framework, const std::vector<const Question*>& questions,
                      const Answers& answers, std::vector<Reason>& reasons) {
  FrameworkResult result{framework};
  for (const Question* q : questions) {
    auto employee = PointsToEmployee(*q, answers);
    if (!employee) continue;
    result.answered_weight += q->weight;
    if (*employee) {
      result.employee_weight += q->weight;
      reasons.push_back(FactReason(*q, *AnswerOf(answers, q->id)));
    }
  }
  result.risk = RiskFromShare(qn, result.employee_weight, result.answered_weight);
  result.summary = result.answered_weight == 0 ? std::string("no answers: no evidence either way")
                                               : fmt::format("{} of {} answered weight points to employment",
                                                             result.employee_weight, result.answered_weight);
  return result;
}

// ABC: presumed employee unless every prong is shown (Cal. Lab. Code §2775(b)(1); G.L. c.149 §148B(a)).
FrameworkResult Abc(const AbcState& state, const std::vector<const Question*>& questions, const Answers& answers,
                    std::vector<Reason>& reasons) {
  FrameworkResult result{Framework::kAbcTest};
  auto find = [&](QuestionRole role) -> const Question* {
    for (const Question* q : questions) {
      if (q->role == role) return q;
    }
    return nullptr;
  };
  if (const Question* exemption = find(QuestionRole::kAbcExemption);
      exemption && AnswerOf(answers, exemption->id) == true) {
    result.risk = RiskLevel::kMedium;
    result.summary = fmt::format("{}: exemption claimed, ABC gives way to the Borello factors", state.state);
    reasons.push_back(Reason{Framework::kAbcTest, std::string(exemption->id),
                             "exemption claimed: its criteria must be documented and the Borello factors weighed",
                             std::string(exemption->citation)});
    return result;
  }
  std::vector<std::string> failed, unproven;
  auto prong = [&](const char* name, QuestionRole role, std::optional<QuestionRole> alternative) {
    const Question* q = find(role);
    if (q == nullptr) return;
    const Question* alt = alternative ? find(*alternative) : nullptr;
    auto employee = PointsToEmployee(*q, answers);
    auto alt_employee = alt ? PointsToEmployee(*alt, answers) : std::optional<bool>(true);
    // With an alternative (NJ, IL prong B) the prong is shown when either limb is shown.
    if (employee == false || alt_employee == false) return;
    if (employee == true && alt_employee == true) {
      failed.push_back(name);
      reasons.push_back(Reason{Framework::kAbcTest, std::string(q->id),
                               fmt::format("ABC prong {} fails in {}: {} — no", name, state.state, q->text),
                               std::string(q->citation)});
      if (alt) {
        reasons.push_back(Reason{Framework::kAbcTest, std::string(alt->id),
                                 fmt::format("nor is the alternative met: {} — no", alt->text),
                                 std::string(alt->citation)});
      }
      return;
    }
    unproven.push_back(name);
  };
  prong("A", QuestionRole::kAbcProngA, std::nullopt);
  prong("B", QuestionRole::kAbcProngB, QuestionRole::kAbcProngBPlace);
  prong("C", QuestionRole::kAbcProngC, std::nullopt);
  if (!failed.empty()) {
    result.risk = RiskLevel::kHigh;
    result.summary =
        fmt::format("{}: prong {} fails; the worker is presumed an employee", state.state, fmt::join(failed, ", "));
    reasons.push_back(
        Reason{Framework::kAbcTest, "",
               fmt::format("ABC test governs in {} ({}): all three prongs must be shown", state.state, state.purpose),
               std::string(state.citation)});
  } else if (!unproven.empty()) {
    result.risk = RiskLevel::kMedium;
    result.summary = fmt::format("{}: prong {} not yet shown", state.state, fmt::join(unproven, ", "));
    reasons.push_back(Reason{Framework::kAbcTest, "",
                             fmt::format("ABC prong {} not shown in {}: the hiring entity bears the burden",
                                         fmt::join(unproven, ", "), state.state),
                             std::string(state.citation)});
  } else {
    result.summary = fmt::format("{}: all three prongs shown", state.state);
  }
  return result;
}

// IR35: personal service, control and mutuality of obligation are the irreducible minimum of a contract of
// service. A genuine right of substitution removes personal service (Tanton); with all three present the
// engagement is inside (Ready Mixed Concrete; Carmichael). Otherwise the facts are weighed.
FrameworkResult Ir35(const Questionnaire& qn, const std::vector<const Question*>& questions, const Answers& answers,
                     std::vector<Reason>& reasons) {
  const Question* substitution = nullptr;
  const Question* control = nullptr;
  const Question* mutuality = nullptr;
  for (const Question* q : questions) {
    if (q->role == QuestionRole::kIr35Substitution) substitution = q;
    if (q->role == QuestionRole::kIr35Control) control = q;
    if (q->role == QuestionRole::kIr35Mutuality) mutuality = q;
  }
  if (substitution && PointsToEmployee(*substitution, answers) == false) {
    FrameworkResult result{Framework::kUkIr35, RiskLevel::kLow};
    result.summary = "genuine right of substitution: no personal service, outside IR35";
    reasons.push_back(Reason{Framework::kUkIr35, std::string(substitution->id),
                             "genuine right of substitution: no personal service, so no contract of service",
                             std::string(substitution->citation)});
    return result;
  }
  std::vector<Reason> weighed_reasons;
  FrameworkResult result = Weigh(qn, Framework::kUkIr35, questions, answers, weighed_reasons);
  reasons.insert(reasons.end(), weighed_reasons.begin(), weighed_reasons.end());
  if (substitution && control && mutuality && PointsToEmployee(*substitution, answers) == true &&
      PointsToEmployee(*control, answers) == true && PointsToEmployee(*mutuality, answers) == true) {
    result.risk = RiskLevel::kHigh;
    result.summary = "personal service, control and mutuality of obligation all present: inside IR35";
  }
  return result;
}

std::vector<Jurisdiction> DistinctJurisdictions(const Engagement& e) {
  std::set<Jurisdiction> all{e.work};
  if (!e.worker_home.country.empty()) all.insert(e.worker_home);
  for (const auto& j : e.other_work) {
    if (!j.country.empty()) all.insert(j);
  }
  return {all.begin(), all.end()};
}

}  // namespace

std::string_view ToString(Framework framework) {
  switch (framework) {
    case Framework::kIrsCommonLaw:
      return "irs_common_law";
    case Framework::kAbcTest:
      return "abc_test";
    case Framework::kUkIr35:
      return "uk_ir35";
    case Framework::kCanada:
      return "canada";
  }
  return "unknown";
}

std::string_view ToString(RiskLevel risk) {
  switch (risk) {
    case RiskLevel::kLow:
      return "low";
    case RiskLevel::kMedium:
      return "medium";
    case RiskLevel::kHigh:
      return "high";
  }
  return "unknown";
}

std::string Jurisdiction::ToString() const { return region.empty() ? country : country + "-" + region; }

const Question* Questionnaire::Find(std::string_view id) const {
  for (const Question& q : questions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

const AbcState* Questionnaire::FindAbcState(std::string_view state) const {
  for (const AbcState& s : abc_states) {
    if (s.state == state) return &s;
  }
  return nullptr;
}

Result<ClassificationResult> Classify(const Questionnaire& qn, const Answers& answers, const Engagement& engagement) {
  if (engagement.work.country.empty()) {
    return Error::Invalid("classification.work_jurisdiction_required", "the country where the work is done is required",
                          {FieldError{"work.country", "required", "the country where the work is done is required"}});
  }
  for (const auto& [id, answer] : answers) {
    if (qn.Find(id) == nullptr) {
      std::string message = fmt::format("no question '{}' in questionnaire {}", id, qn.version);
      return Error::Invalid("classification.unknown_question", message, {FieldError{id, "unknown", message}});
    }
  }

  ClassificationResult out;
  out.questionnaire_version = std::string(qn.version);
  out.jurisdictions = DistinctJurisdictions(engagement);
  std::set<std::string> unanswered;
  bool us = false, gb = false, canada = false;
  std::set<std::string> abc_states;
  std::vector<std::string> unknown_places;
  for (const Jurisdiction& j : out.jurisdictions) {
    if (j.country == "US") {
      us = true;
      if (qn.FindAbcState(j.region) != nullptr) abc_states.insert(j.region);
    } else if (j.country == "GB") {
      gb = true;
    } else if (j.country == "CA") {
      canada = true;
    } else {
      unknown_places.push_back(j.ToString());
    }
  }

  if (us) {
    auto questions = Applicable(qn, Framework::kIrsCommonLaw, "", answers, unanswered);
    out.frameworks.push_back(Weigh(qn, Framework::kIrsCommonLaw, questions, answers, out.reasons));
  }
  for (const std::string& state : abc_states) {
    auto questions = Applicable(qn, Framework::kAbcTest, state, answers, unanswered);
    out.frameworks.push_back(Abc(*qn.FindAbcState(state), questions, answers, out.reasons));
  }
  if (gb) {
    auto questions = Applicable(qn, Framework::kUkIr35, "", answers, unanswered);
    out.frameworks.push_back(Ir35(qn, questions, answers, out.reasons));
  }
  if (canada) {
    auto questions = Applicable(qn, Framework::kCanada, "", answers, unanswered);
    out.frameworks.push_back(Weigh(qn, Framework::kCanada, questions, answers, out.reasons));
  }
  for (const FrameworkResult& f : out.frameworks) out.risk = std::max(out.risk, f.risk);
  out.unanswered.assign(unanswered.begin(), unanswered.end());

  // Escalation (seed: "complexities of engaging ICs in multiple jurisdictions … factored into final
  // classification determination"; issue 4: high risk or several jurisdictions).
  if (out.risk == RiskLevel::kHigh) {
    out.escalation_reasons.push_back("high misclassification risk");
  }
  if (out.jurisdictions.size() > 1) {
    std::vector<std::string> names;
    for (const auto& j : out.jurisdictions) names.push_back(j.ToString());
    out.escalation_reasons.push_back(
        fmt::format("worker and work in several jurisdictions: {}", fmt::join(names, ", ")));
  }
  if (!unknown_places.empty()) {
    out.escalation_reasons.push_back(
        fmt::format("no classification rules in questionnaire {} for {}", qn.version, fmt::join(unknown_places, ", ")));
  }
  out.escalation_required = !out.escalation_reasons.empty();
  out.approval_required = out.escalation_required;
  return out;
}

}  // namespace concord::workforce
