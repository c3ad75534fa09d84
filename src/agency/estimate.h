// Estimates (Letters of Estimate, LOEs): line items, totals, the draft → sent → approved / declined
// machine, revisions and change orders, the client's approval record, the job budget they add up to, and
// the rate card that prices labour lines.
//
// Roundings, each named once here:
//   - A line's amount is (hours × rate, or expense cost) × (1 + mark-up %), rounded ONCE to the currency's
//     minor unit with HalfUp. Per line, because the LOE prints each line in cents and the client checks the
//     total by adding the printed lines: totals are exact sums of rounded lines, so they always agree.
//     HalfUp because it is the commercial convention clients expect on a priced document; HalfEven's
//     bias-cancelling pays off over long columns of sums, not on one printed line.
//   - Totals and budgets are exact sums: no further rounding.
//
// Immutability: only a draft is edited. A sent estimate that needs changes, or an approved one, is revised:
// Revise() makes revision N+1 as a new draft and the old one becomes superseded when the new one is approved
// (or sent, for a sent one). Extra scope on an approved job can instead be a change order: its own estimate
// (kind kChangeOrder) whose approved amount adds to the budget.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

// ---- Lines and totals -----------------------------------------------------------------------------------

enum class LineKind { kLabor, kExpense, kFee };  // kFee: a fixed fee, priced like an expense

struct EstimateLine {
  LineKind kind = LineKind::kLabor;
  std::string service;  // the service or role ("design", "copywriter")
  std::string description;
  Decimal hours;           // kLabor: hours of work (may be fractional: 7.5)
  Money rate;              // kLabor: hourly rate, normally resolved from the rate card
  Money cost;              // kExpense: the expense's cost (printing, media, stock photography); kFee: the fee
  Decimal markup_percent;  // added on top, in percent (15 = 15 %); negative is a mark-down, >= -100
};

// The line's base before mark-up: hours × rate for labour, cost for expenses and fees (exact).
Money LineBase(const EstimateLine& line);
// The line's amount: base × (100 + mark-up) / 100, rounded to minor units HalfUp (see the file comment).
Money LineAmount(const EstimateLine& line);

struct EstimateTotals {
  Money labor;     // Σ amounts of labour lines
  Money expenses;  // Σ amounts of expense lines
  Money fees;      // Σ amounts of fixed-fee lines
  Money markup;    // Σ (amount − base rounded HalfUp to the minor unit): the mark-up earned, shown
                   // separately on the LOE (the base's own rounding is not mark-up)
  Money total;     // labor + expenses + fees
};

// ---- The estimate and its machine -----------------------------------------------------------------------

enum class EstimateStatus { kDraft, kSent, kApproved, kDeclined, kSuperseded };
enum class EstimateKind { kOriginal, kChangeOrder };
enum class ApprovalMethod { kEmail, kPortal, kSignedPdf };

const char* EstimateStatusName(EstimateStatus status);  // "draft", "sent", "approved", "declined", "superseded"
const char* ApprovalMethodName(ApprovalMethod method);  // "email", "portal", "signed_pdf"

// Who approved, how and when, and the checksum of the LOE PDF that was sent (so a dispute can show exactly
// which document the client agreed to).
struct ApprovalRecord {
  std::string approved_by;  // the client contact's name or e-mail
  ApprovalMethod method = ApprovalMethod::kEmail;
  Instant approved_at;
  std::string document_sha256;  // lower-case hex SHA-256 of the sent PDF
};

struct Estimate {
  std::string number;  // the estimate's number, shared by all its revisions
  int revision = 1;    // 1, 2, …
  EstimateKind kind = EstimateKind::kOriginal;
  std::string parent_number;  // kChangeOrder: the original estimate it amends
  EstimateStatus status = EstimateStatus::kDraft;
  std::string currency = "USD";
  std::vector<EstimateLine> lines;
  std::string terms;
  Decimal close_probability_percent;                // 0..100: the account lead's judgement, for the forecast
  std::optional<Date> expected_close;               // when the client is expected to answer (forecast month)
  std::optional<std::string> sent_document_sha256;  // set by Send
  std::optional<Instant> sent_at;
  std::optional<ApprovalRecord> approval;  // set by Approve
};

// The one transition table:
//   draft -> sent;  sent -> approved, declined, superseded;  approved -> superseded.
// declined and superseded are final; a declined estimate is answered with a revision, not reopened.
// Errors (409, field "status"): estimate.status_unchanged, estimate.invalid_transition.
Status TransitionEstimate(EstimateStatus from, EstimateStatus to);

// Checks a draft before it is sent or saved. Errors (422), each at its field ("lines[2].hours" …):
//   estimate.no_lines, estimate.currency_mismatch, estimate.negative_hours, estimate.negative_cost,
//   estimate.markup_out_of_range (below -100 %), estimate.close_probability_out_of_range (not 0..100),
//   estimate.invalid_revision (< 1), estimate.parent_required (a change order without parent_number).
// With several problems the code is the first one's and all are listed.
Status ValidateEstimate(const Estimate& estimate);

// Totals of a valid estimate (call ValidateEstimate first; mixed currencies throw std::invalid_argument).
EstimateTotals ComputeTotals(const Estimate& estimate);

// Edits are allowed on drafts only: "estimate.not_editable" (409, field "status") otherwise; the message
// says to revise (approved/sent) or that the estimate is final.
Status CheckEditable(const Estimate& estimate);

// draft -> sent, recording the checksum of the PDF sent. Validates first; document_sha256 must be 64 hex
// digits ("estimate.invalid_checksum" at "document_sha256").
Result<Estimate> Send(const Estimate& estimate, std::string document_sha256, Instant sent_at);

// sent -> approved with `record`. Errors: estimate.approver_required (field "approved_by"),
// estimate.checksum_mismatch (field "document_sha256": the client approved a different document than the
// one last sent), estimate.approved_before_sent (field "approved_at"), and the transition's own.
Result<Estimate> Approve(const Estimate& estimate, ApprovalRecord record);

// sent -> declined.
Result<Estimate> Decline(const Estimate& estimate);

// Revision N+1 of a sent, approved or declined estimate: the same number, lines and terms, a new draft
// without send or approval records. The caller marks revision N superseded when N+1 is approved (an
// approved N stays the budget until then). From a draft: "estimate.revise_draft" (edit it instead);
// from superseded: "estimate.revise_superseded" (revise the latest revision).
Result<Estimate> Revise(const Estimate& estimate);

// A new change order amending the approved original `parent`: a draft of kind kChangeOrder, revision 1,
// numbered `number`, in the parent's currency, without lines. Error "estimate.parent_not_approved" (409).
Result<Estimate> NewChangeOrder(const Estimate& parent, std::string number);

// ---- Budget ---------------------------------------------------------------------------------------------

struct JobBudget {
  Money amount;                        // Σ approved totals
  bool has_approved_original = false;  // an approved original exists (the job "has an approved LOE")
  int approved_change_orders = 0;      // change orders counted
};

// The job's budget from all its estimates (every revision of the original and of each change order): for
// each estimate number, the approved revision with the highest revision number counts (a superseded one
// never does). Declined, draft and sent revisions never count. Error "estimate.currency_mismatch" (422,
// field "currency") when counted estimates are not all in `currency`.
Result<JobBudget> JobBudgetOf(std::span<const Estimate> estimates, const std::string& currency);

// ---- Rate card ------------------------------------------------------------------------------------------

enum class RateSource { kClientRole, kRoleDefault };

struct ResolvedRate {
  Money rate;
  RateSource source = RateSource::kRoleDefault;
  Period in_force;  // the span over which this rate holds (from the EffectiveSeries)
};

// Hourly rates per role, optionally overridden per client; each effective-dated. The most specific rate in
// force on the day wins: the client's own rate for the role, else the role's default. A client rate that
// starts later than the day does not hide the default before it.
class RateCard {
 public:
  void SetRoleDefault(const std::string& role, Date from, Money rate);
  void SetClientRate(const std::string& client_code, const std::string& role, Date from, Money rate);

  // Error "rate.not_found" (422, field "role") when neither a client nor a default rate is in force.
  Result<ResolvedRate> Resolve(std::string_view client_code, std::string_view role, Date on) const;

 private:
  std::map<std::string, EffectiveSeries<Money>, std::less<>> role_defaults_;
  std::map<std::pair<std::string, std::string>, EffectiveSeries<Money>> client_rates_;  // (client, role)
};

}  // namespace concord::agency
