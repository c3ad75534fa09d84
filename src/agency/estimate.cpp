#include "agency/estimate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

using ES = EstimateStatus;

struct EstimateTransition {
  ES from;
  ES to;
};

constexpr EstimateTransition kTransitions[] = {
    {ES::kDraft, ES::kSent},      {ES::kSent, ES::kApproved},       {ES::kSent, ES::kDeclined},
    {ES::kSent, ES::kSuperseded}, {ES::kApproved, ES::kSuperseded},
};

const Decimal kHundred = Decimal::FromInt(100);
const Decimal kOneHundredth = Decimal::FromParts(1, 2);  // 0.01: dividing by 100 exactly

Money Zero(const std::string& currency) { return Money(Decimal(), currency); }

bool IsLowerHex64(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

const char* EstimateStatusName(EstimateStatus status) {
  switch (status) {
    case ES::kDraft:
      return "draft";
    case ES::kSent:
      return "sent";
    case ES::kApproved:
      return "approved";
    case ES::kDeclined:
      return "declined";
    case ES::kSuperseded:
      return "superseded";
  }
  return "unknown";
}

const char* ApprovalMethodName(ApprovalMethod method) {
  switch (method) {
    case ApprovalMethod::kEmail:
      return "email";
    case ApprovalMethod::kPortal:
      return "portal";
    case ApprovalMethod::kSignedPdf:
      return "signed_pdf";
  }
  return "unknown";
}

Money LineBase(const EstimateLine& line) {
  if (line.kind != LineKind::kLabor) return line.cost;
  return Money(line.hours * line.rate.amount(), line.rate.currency());
}

Money LineAmount(const EstimateLine& line) {
  const Money base = LineBase(line);
  const Decimal factor = (kHundred + line.markup_percent) * kOneHundredth;  // exact
  return Money(Decimal::MultiplyRounded(base.amount(), factor, Money::MinorUnits(base.currency()), Rounding::kHalfUp),
               base.currency());
}

Status TransitionEstimate(EstimateStatus from, EstimateStatus to) {
  if (from == to) {
    return ConflictAt("estimate.status_unchanged", "status",
                      fmt::format("the estimate is already {}", EstimateStatusName(to)));
  }
  for (const EstimateTransition& t : kTransitions) {
    if (t.from == from && t.to == to) return {};
  }
  return ConflictAt(
      "estimate.invalid_transition", "status",
      fmt::format("an estimate cannot go from {} to {}", EstimateStatusName(from), EstimateStatusName(to)));
}

Status ValidateEstimate(const Estimate& e) {
  std::vector<FieldError> problems;
  auto add = [&](std::string field, std::string code, std::string message) {
    problems.push_back({std::move(field), std::move(code), std::move(message)});
  };
  if (e.revision < 1) add("revision", "estimate.invalid_revision", "the revision must be 1 or more");
  if (e.kind == EstimateKind::kChangeOrder && e.parent_number.empty()) {
    add("parent_number", "estimate.parent_required", "a change order must name the estimate it amends");
  }
  if (e.close_probability_percent < Decimal() || e.close_probability_percent > kHundred) {
    add("close_probability_percent", "estimate.close_probability_out_of_range",
        fmt::format("close probability {} is not between 0 and 100", e.close_probability_percent));
  }
  if (e.lines.empty()) add("lines", "estimate.no_lines", "an estimate needs at least one line");
  for (size_t i = 0; i < e.lines.size(); ++i) {
    const EstimateLine& line = e.lines[i];
    const std::string at = fmt::format("lines[{}]", i);
    const bool labor = line.kind == LineKind::kLabor;
    const std::string& currency = labor ? line.rate.currency() : line.cost.currency();
    if (currency != e.currency) {
      add(at + (labor ? ".rate" : ".cost"), "estimate.currency_mismatch",
          fmt::format("line in {} on an estimate in {}", currency, e.currency));
    }
    if (labor && (line.hours.IsNegative() || line.rate.amount().IsNegative())) {
      add(at + ".hours", "estimate.negative_hours", "hours and rate cannot be negative");
    }
    if (!labor && line.cost.amount().IsNegative()) {
      add(at + ".cost", "estimate.negative_cost", "an expense or fee cannot be negative");
    }
    if (line.markup_percent < -kHundred) {
      add(at + ".markup_percent", "estimate.markup_out_of_range",
          fmt::format("mark-up {}% is below -100%", line.markup_percent));
    }
  }
  if (problems.empty()) return {};
  std::string code = problems.front().code;
  std::string message = problems.front().message;
  if (problems.size() > 1) message += fmt::format(" (and {} more problem(s))", problems.size() - 1);
  return Error::Invalid(std::move(code), std::move(message), std::move(problems));
}

EstimateTotals ComputeTotals(const Estimate& e) {
  EstimateTotals t{Zero(e.currency), Zero(e.currency), Zero(e.currency), Zero(e.currency), Zero(e.currency)};
  for (const EstimateLine& line : e.lines) {
    const Money amount = LineAmount(line);
    Money& sum = line.kind == LineKind::kLabor ? t.labor : line.kind == LineKind::kFee ? t.fees : t.expenses;
    sum = sum + amount;
    t.markup = t.markup + (amount - LineBase(line).RoundToMinor(Rounding::kHalfUp));
  }
  t.total = t.labor + t.expenses + t.fees;
  return t;
}

Status CheckEditable(const Estimate& e) {
  switch (e.status) {
    case ES::kDraft:
      return {};
    case ES::kSent:
    case ES::kApproved:
      return ConflictAt("estimate.not_editable", "status",
                        fmt::format("revision {} of {} is {}: make a revision (or a change order) instead", e.revision,
                                    e.number, EstimateStatusName(e.status)));
    case ES::kDeclined:
    case ES::kSuperseded:
      break;
  }
  return ConflictAt(
      "estimate.not_editable", "status",
      fmt::format("revision {} of {} is {} and final", e.revision, e.number, EstimateStatusName(e.status)));
}

Result<Estimate> Send(const Estimate& e, std::string document_sha256, Instant sent_at) {
  TRY(TransitionEstimate(e.status, ES::kSent));
  TRY(ValidateEstimate(e));
  if (!IsLowerHex64(document_sha256)) {
    return InvalidAt("estimate.invalid_checksum", "document_sha256",
                     "the document checksum must be 64 lower-case hex digits (SHA-256)");
  }
  Estimate out = e;
  out.status = ES::kSent;
  out.sent_document_sha256 = std::move(document_sha256);
  out.sent_at = sent_at;
  return out;
}

Result<Estimate> Approve(const Estimate& e, ApprovalRecord record) {
  TRY(TransitionEstimate(e.status, ES::kApproved));
  if (record.approved_by.empty()) {
    return InvalidAt("estimate.approver_required", "approved_by", "say who approved the estimate");
  }
  if (!e.sent_document_sha256 || record.document_sha256 != *e.sent_document_sha256) {
    return InvalidAt("estimate.checksum_mismatch", "document_sha256",
                     "the approved document is not the one last sent for this revision");
  }
  if (e.sent_at && record.approved_at < *e.sent_at) {
    return InvalidAt("estimate.approved_before_sent", "approved_at",
                     fmt::format("approval at {} precedes sending at {}", record.approved_at, *e.sent_at));
  }
  Estimate out = e;
  out.status = ES::kApproved;
  out.approval = std::move(record);
  return out;
}

Result<Estimate> Decline(const Estimate& e) {
  TRY(TransitionEstimate(e.status, ES::kDeclined));
  Estimate out = e;
  out.status = ES::kDeclined;
  return out;
}

Result<Estimate> Revise(const Estimate& e) {
  if (e.status == ES::kDraft) {
    return ConflictAt("estimate.revise_draft", "status", "a draft is edited directly, not revised");
  }
  if (e.status == ES::kSuperseded) {
    return ConflictAt("estimate.revise_superseded", "status",
                      fmt::format("revision {} of {} is superseded: revise the latest revision", e.revision, e.number));
  }
  Estimate out = e;
  out.revision = e.revision + 1;
  out.status = ES::kDraft;
  out.sent_document_sha256.reset();
  out.sent_at.reset();
  out.approval.reset();
  return out;
}

Result<Estimate> NewChangeOrder(const Estimate& parent, std::string number) {
  if (parent.status != ES::kApproved || parent.kind != EstimateKind::kOriginal) {
    return ConflictAt("estimate.parent_not_approved", "parent_number",
                      fmt::format("a change order amends an approved original estimate; {} r{} is {}", parent.number,
                                  parent.revision, EstimateStatusName(parent.status)));
  }
  Estimate out;
  out.number = std::move(number);
  out.kind = EstimateKind::kChangeOrder;
  out.parent_number = parent.number;
  out.currency = parent.currency;
  out.terms = parent.terms;
  return out;
}

Result<JobBudget> JobBudgetOf(std::span<const Estimate> estimates, const std::string& currency) {
  std::map<std::string, const Estimate*> latest_approved;  // per estimate number
  for (const Estimate& e : estimates) {
    if (e.status != ES::kApproved) continue;
    const Estimate*& slot = latest_approved[e.number];
    if (slot == nullptr || slot->revision < e.revision) slot = &e;
  }
  JobBudget budget{Zero(currency), false, 0};
  for (const auto& [number, e] : latest_approved) {
    if (e->currency != currency) {
      return InvalidAt("estimate.currency_mismatch", "currency",
                       fmt::format("estimate {} is in {}, the job budget in {}", number, e->currency, currency));
    }
    budget.amount = budget.amount + ComputeTotals(*e).total;
    if (e->kind == EstimateKind::kOriginal) {
      budget.has_approved_original = true;
    } else {
      ++budget.approved_change_orders;
    }
  }
  return budget;
}

void RateCard::SetRoleDefault(const std::string& role, Date from, Money rate) {
  role_defaults_[role].Set(from, std::move(rate));
}

void RateCard::SetClientRate(const std::string& client_code, const std::string& role, Date from, Money rate) {
  client_rates_[{client_code, role}].Set(from, std::move(rate));
}

Result<ResolvedRate> RateCard::Resolve(std::string_view client_code, std::string_view role, Date on) const {
  if (auto it = client_rates_.find({std::string(client_code), std::string(role)}); it != client_rates_.end()) {
    if (const Money* rate = it->second.At(on)) {
      return ResolvedRate{*rate, RateSource::kClientRole, *it->second.PeriodAt(on)};
    }
  }
  if (auto it = role_defaults_.find(role); it != role_defaults_.end()) {
    if (const Money* rate = it->second.At(on)) {
      return ResolvedRate{*rate, RateSource::kRoleDefault, *it->second.PeriodAt(on)};
    }
  }
  return InvalidAt("rate.not_found", "role",
                   fmt::format("no rate for role \"{}\" (client \"{}\") on {}", role, client_code, on));
}

}  // namespace concord::agency
