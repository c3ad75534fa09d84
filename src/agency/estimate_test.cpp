// Estimates (LOEs): line amounts and totals worked by hand, the status machine, approval records,
// revisions, change orders, the job budget and rate-card resolution.
#include "agency/estimate.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::T;
using testing_util::USD;
using ES = EstimateStatus;

const std::string kSha(64, 'a');
const std::string kOtherSha(64, 'b');

EstimateLine Labor(const char* hours, Money rate, const char* markup = "0") {
  EstimateLine l;
  l.kind = LineKind::kLabor;
  l.service = "design";
  l.hours = Dec(hours);
  l.rate = std::move(rate);
  l.markup_percent = Dec(markup);
  return l;
}

EstimateLine Expense(Money cost, const char* markup) {
  EstimateLine l;
  l.kind = LineKind::kExpense;
  l.service = "printing";
  l.cost = std::move(cost);
  l.markup_percent = Dec(markup);
  return l;
}

struct LineCase {
  EstimateLine line;
  const char* expected;
  const char* why;
};

TEST(EstimateLine, AmountRoundedOnceHalfUpToCents) {
  const LineCase cases[] = {
      {Labor("12.5", USD("150.00")), "1875.00", "12.5 × 150 exactly"},
      {Labor("7.25", USD("118.50")), "859.13", "859.125: HalfUp (HalfEven would print 859.12)"},
      {Labor("0.1", USD("33.33")), "3.33", "3.333"},
      {Labor("10", USD("95.00"), "10"), "1045.00", "950 × 1.10"},
      {Expense(USD("2400.00"), "17.5"), "2820.00", "2400 × 1.175"},
      {Expense(USD("89.99"), "15"), "103.49", "89.99 × 1.15 = 103.4885"},
      {Expense(USD("33.33"), "12.5"), "37.50", "33.33 × 1.125 = 37.49625"},
      {Expense(USD("100.00"), "-100"), "0.00", "a full mark-down"},
      {Expense(USD("80.00"), "-12.5"), "70.00", "80 × 0.875"},
  };
  for (const LineCase& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(LineAmount(c.line), USD(c.expected));
    EXPECT_EQ(LineAmount(c.line).amount().scale(), 2);
  }
}

TEST(EstimateLine, RoundsToTheCurrencysMinorUnit) {
  // 1.5 h × ¥3333 = ¥4999.5; the yen has no minor unit, HalfUp gives ¥5000.
  EXPECT_EQ(LineAmount(Labor("1.5", Money(Dec("3333"), "JPY"))), Money(Dec("5000"), "JPY"));
  // 2 h × 12.3456 BHD = 24.6912; the dinar has 3 decimals: 24.691.
  EXPECT_EQ(LineAmount(Labor("2", Money(Dec("12.3456"), "BHD"))), Money(Dec("24.691"), "BHD"));
}

Estimate Loe() {
  Estimate e;
  e.number = "ACME-260001-E";
  e.currency = "USD";
  e.close_probability_percent = Dec("60");
  e.terms = "50% on approval, 50% on delivery";
  e.lines = {Labor("12.5", USD("150.00")), Labor("7.25", USD("118.50")), Expense(USD("2400.00"), "17.5"),
             Expense(USD("89.99"), "15")};
  return e;
}

TEST(EstimateTotals, SumOfRoundedLines) {
  const EstimateTotals t = ComputeTotals(Loe());
  EXPECT_EQ(t.labor, USD("2734.13"));     // 1875.00 + 859.13
  EXPECT_EQ(t.expenses, USD("2923.49"));  // 2820.00 + 103.49
  EXPECT_EQ(t.markup, USD("433.50"));     // 420.00 + 13.50; the 859.125 -> 859.13 rounding is not mark-up
  EXPECT_EQ(t.total, USD("5657.62"));     // 2734.13 + 2923.49
}

TEST(EstimateStatus, EveryPairOfTheMatrix) {
  const ES all[] = {ES::kDraft, ES::kSent, ES::kApproved, ES::kDeclined, ES::kSuperseded};
  const std::set<std::pair<ES, ES>> allowed = {{ES::kDraft, ES::kSent},
                                               {ES::kSent, ES::kApproved},
                                               {ES::kSent, ES::kDeclined},
                                               {ES::kSent, ES::kSuperseded},
                                               {ES::kApproved, ES::kSuperseded}};
  for (ES from : all) {
    for (ES to : all) {
      SCOPED_TRACE(std::string(EstimateStatusName(from)) + " -> " + EstimateStatusName(to));
      const Status st = TransitionEstimate(from, to);
      EXPECT_EQ(st.ok(), allowed.contains({from, to}));
      if (!st.ok()) {
        EXPECT_EQ(st.error().code, from == to ? "estimate.status_unchanged" : "estimate.invalid_transition");
      }
    }
  }
}

struct ValidationCase {
  const char* why;
  void (*mutate)(Estimate&);
  const char* code;
  const char* field;
};

TEST(EstimateValidation, RefusesBrokenEstimates) {
  const ValidationCase cases[] = {
      {"no lines", [](Estimate& e) { e.lines.clear(); }, "estimate.no_lines", "lines"},
      {"euro rate", [](Estimate& e) { e.lines[1].rate = Money(Dec("100"), "EUR"); }, "estimate.currency_mismatch",
       "lines[1].rate"},
      {"negative hours", [](Estimate& e) { e.lines[0].hours = Dec("-1"); }, "estimate.negative_hours",
       "lines[0].hours"},
      {"negative cost", [](Estimate& e) { e.lines[2].cost = USD("-5.00"); }, "estimate.negative_cost", "lines[2].cost"},
      {"mark-down below -100", [](Estimate& e) { e.lines[3].markup_percent = Dec("-100.01"); },
       "estimate.markup_out_of_range", "lines[3].markup_percent"},
      {"probability 101", [](Estimate& e) { e.close_probability_percent = Dec("101"); },
       "estimate.close_probability_out_of_range", "close_probability_percent"},
      {"probability -1", [](Estimate& e) { e.close_probability_percent = Dec("-1"); },
       "estimate.close_probability_out_of_range", "close_probability_percent"},
      {"revision 0", [](Estimate& e) { e.revision = 0; }, "estimate.invalid_revision", "revision"},
      {"orphan change order", [](Estimate& e) { e.kind = EstimateKind::kChangeOrder; }, "estimate.parent_required",
       "parent_number"},
  };
  EXPECT_TRUE(ValidateEstimate(Loe()).ok());
  for (const ValidationCase& c : cases) {
    SCOPED_TRACE(c.why);
    Estimate e = Loe();
    c.mutate(e);
    const Status st = ValidateEstimate(e);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, c.code);
    EXPECT_EQ(st.error().fields.at(0).field, c.field);
  }
  // Edge values are fine: 0 and 100 % probability, a -100 % mark-down.
  Estimate e = Loe();
  e.close_probability_percent = Dec("100");
  e.lines[3].markup_percent = Dec("-100");
  EXPECT_TRUE(ValidateEstimate(e).ok());
}

TEST(EstimateValidation, ListsEveryProblem) {
  Estimate e = Loe();
  e.revision = 0;
  e.lines[0].hours = Dec("-2");
  const Status st = ValidateEstimate(e);
  ASSERT_EQ(st.error().fields.size(), 2u);
  EXPECT_EQ(st.error().code, "estimate.invalid_revision");
  EXPECT_EQ(st.error().fields[1].code, "estimate.negative_hours");
}

ApprovalRecord Approval(const std::string& sha, const char* at = "2026-03-04T15:00:00Z") {
  return {"Pat Client <pat@acme.example>", ApprovalMethod::kSignedPdf, T(at), sha};
}

TEST(EstimateFlow, SendApproveAndImmutability) {
  Estimate draft = Loe();
  EXPECT_TRUE(CheckEditable(draft).ok());
  EXPECT_EQ(Send(draft, "not-a-sha", T("2026-03-02T10:00:00Z")).error().code, "estimate.invalid_checksum");
  EXPECT_EQ(Send(draft, std::string(64, 'A'), T("2026-03-02T10:00:00Z")).error().code,
            "estimate.invalid_checksum");  // lower-case hex only: one spelling per checksum
  Estimate sent = Send(draft, kSha, T("2026-03-02T10:00:00Z")).value();
  EXPECT_EQ(sent.status, ES::kSent);
  EXPECT_EQ(sent.sent_document_sha256, kSha);
  EXPECT_EQ(CheckEditable(sent).error().code, "estimate.not_editable");
  EXPECT_EQ(Send(sent, kSha, T("2026-03-02T10:00:00Z")).error().code, "estimate.status_unchanged");

  EXPECT_EQ(Approve(sent, Approval(kOtherSha)).error().code, "estimate.checksum_mismatch");
  EXPECT_EQ(Approve(sent, Approval(kSha, "2026-03-02T09:59:59Z")).error().code, "estimate.approved_before_sent");
  ApprovalRecord nobody = Approval(kSha);
  nobody.approved_by.clear();
  EXPECT_EQ(Approve(sent, nobody).error().fields.at(0).field, "approved_by");

  Estimate approved = Approve(sent, Approval(kSha)).value();
  EXPECT_EQ(approved.status, ES::kApproved);
  ASSERT_TRUE(approved.approval.has_value());
  EXPECT_EQ(approved.approval->method, ApprovalMethod::kSignedPdf);
  EXPECT_EQ(approved.approval->approved_at, T("2026-03-04T15:00:00Z"));
  const Status edit = CheckEditable(approved);
  EXPECT_EQ(edit.error().code, "estimate.not_editable");
  EXPECT_EQ(edit.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(Decline(approved).error().code, "estimate.invalid_transition");
  EXPECT_EQ(Approve(draft, Approval(kSha)).error().code, "estimate.invalid_transition");
}

TEST(EstimateFlow, SendValidatesFirst) {
  Estimate empty = Loe();
  empty.lines.clear();
  EXPECT_EQ(Send(empty, kSha, T("2026-03-02T10:00:00Z")).error().code, "estimate.no_lines");
}

TEST(EstimateFlow, RevisionsAndChangeOrders) {
  const Estimate sent = Send(Loe(), kSha, T("2026-03-02T10:00:00Z")).value();
  const Estimate approved = Approve(sent, Approval(kSha)).value();

  const Estimate r2 = Revise(approved).value();
  EXPECT_EQ(r2.number, approved.number);
  EXPECT_EQ(r2.revision, 2);
  EXPECT_EQ(r2.status, ES::kDraft);
  EXPECT_FALSE(r2.approval.has_value());
  EXPECT_FALSE(r2.sent_document_sha256.has_value());
  EXPECT_EQ(r2.lines.size(), approved.lines.size());
  EXPECT_TRUE(CheckEditable(r2).ok());

  EXPECT_EQ(Revise(sent).value().revision, 2);  // the client asked for changes before answering
  EXPECT_EQ(Revise(Decline(sent).value()).value().revision, 2);
  EXPECT_EQ(Revise(r2).error().code, "estimate.revise_draft");
  Estimate superseded = approved;
  superseded.status = ES::kSuperseded;
  EXPECT_EQ(Revise(superseded).error().code, "estimate.revise_superseded");

  const Estimate co = NewChangeOrder(approved, "ACME-260001-CO1").value();
  EXPECT_EQ(co.kind, EstimateKind::kChangeOrder);
  EXPECT_EQ(co.parent_number, "ACME-260001-E");
  EXPECT_EQ(co.revision, 1);
  EXPECT_EQ(co.status, ES::kDraft);
  EXPECT_TRUE(co.lines.empty());
  EXPECT_EQ(NewChangeOrder(sent, "X").error().code, "estimate.parent_not_approved");
  EXPECT_EQ(NewChangeOrder(co, "X").error().code, "estimate.parent_not_approved");
}

Estimate Priced(const char* number, int revision, EstimateKind kind, ES status, const char* hours) {
  Estimate e;
  e.number = number;
  e.revision = revision;
  e.kind = kind;
  if (kind == EstimateKind::kChangeOrder) e.parent_number = "E1";
  e.status = status;
  e.lines = {Labor(hours, USD("125.00"))};
  return e;
}

TEST(JobBudget, LatestApprovedOriginalPlusApprovedChangeOrders) {
  using K = EstimateKind;
  const std::vector<Estimate> estimates = {
      Priced("E1", 1, K::kOriginal, ES::kSuperseded, "40"),   // 5000.00, replaced by r2
      Priced("E1", 2, K::kOriginal, ES::kApproved, "48"),     // 6000.00  counts
      Priced("E1", 3, K::kOriginal, ES::kDraft, "56"),        // 7000.00  not approved yet
      Priced("CO1", 1, K::kChangeOrder, ES::kApproved, "8"),  // 1000.00  counts
      Priced("CO2", 1, K::kChangeOrder, ES::kSent, "20"),     // 2500.00  awaiting the client
      Priced("CO3", 1, K::kChangeOrder, ES::kApproved, "2"),  //  250.00  counts: r2 was declined
      Priced("CO3", 2, K::kChangeOrder, ES::kDeclined, "2.4"),
  };
  const JobBudget b = JobBudgetOf(estimates, "USD").value();
  EXPECT_EQ(b.amount, USD("7250.00"));  // 6000 + 1000 + 250
  EXPECT_TRUE(b.has_approved_original);
  EXPECT_EQ(b.approved_change_orders, 2);
}

TEST(JobBudget, LatestApprovedRevisionWinsEvenIfTheOldOneIsStillMarkedApproved) {
  const std::vector<Estimate> estimates = {
      Priced("E1", 2, EstimateKind::kOriginal, ES::kApproved, "48"),  // listed first on purpose
      Priced("E1", 1, EstimateKind::kOriginal, ES::kApproved, "40"),
  };
  EXPECT_EQ(JobBudgetOf(estimates, "USD").value().amount, USD("6000.00"));
}

TEST(JobBudget, NothingApprovedAndCurrencyMismatch) {
  const std::vector<Estimate> none = {Priced("E1", 1, EstimateKind::kOriginal, ES::kSent, "40")};
  const JobBudget b = JobBudgetOf(none, "USD").value();
  EXPECT_EQ(b.amount, USD("0"));
  EXPECT_FALSE(b.has_approved_original);

  std::vector<Estimate> mixed = {Priced("E1", 1, EstimateKind::kOriginal, ES::kApproved, "40")};
  mixed[0].currency = "EUR";
  mixed[0].lines[0].rate = Money(Dec("125.00"), "EUR");
  EXPECT_EQ(JobBudgetOf(mixed, "USD").error().code, "estimate.currency_mismatch");
}

struct RateCase {
  const char* client;
  const char* role;
  const char* on;
  const char* rate;  // nullptr: not found
  RateSource source;
  const char* in_force;
};

TEST(RateCard, MostSpecificRateInForceWins) {
  RateCard card;
  card.SetRoleDefault("designer", D("2026-01-01"), USD("120.00"));
  card.SetRoleDefault("designer", D("2026-07-01"), USD("130.00"));
  card.SetClientRate("ACME", "designer", D("2026-04-01"), USD("110.00"));
  const RateCase cases[] = {
      {"ACME", "designer", "2026-03-31", "120.00", RateSource::kRoleDefault, "2026-01-01..2026-06-30"},
      {"ACME", "designer", "2026-04-01", "110.00", RateSource::kClientRole, "2026-04-01.."},
      {"ACME", "designer", "2026-08-01", "110.00", RateSource::kClientRole, "2026-04-01.."},  // beats a newer default
      {"BETA", "designer", "2026-08-01", "130.00", RateSource::kRoleDefault, "2026-07-01.."},
      {"BETA", "designer", "2026-06-30", "120.00", RateSource::kRoleDefault, "2026-01-01..2026-06-30"},
      {"BETA", "designer", "2025-12-31", nullptr, RateSource::kRoleDefault, ""},
      {"ACME", "copywriter", "2026-05-01", nullptr, RateSource::kRoleDefault, ""},
  };
  for (const RateCase& c : cases) {
    SCOPED_TRACE(std::string(c.client) + " " + c.role + " " + c.on);
    auto r = card.Resolve(c.client, c.role, D(c.on));
    if (c.rate == nullptr) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, "rate.not_found");
      continue;
    }
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->rate, USD(c.rate));
    EXPECT_EQ(r->source, c.source);
    EXPECT_EQ(r->in_force.ToString(), c.in_force);
  }
}

}  // namespace
}  // namespace concord::agency
