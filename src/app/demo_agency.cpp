// Demo data for the agency module: accounts for the first clients, a rate card, jobs in every status,
// estimates with revisions and a change order, three months of time entries (some entered late), invoices,
// a status report, a contact report with action items, a draft account status report (the first account on a
// weekly schedule) and a traffic meeting. Dates are relative to the day
// the demo is generated so the coordinator's home page always has today's work; everything else follows
// from the seed.
#include "app/demo_agency.h"

#include <cctype>

#include "agency/module.h"

namespace concord::app {
namespace {



Money Usd(const char* amount) { return Money::Parse(amount, "USD").value(); }

std::string CodeFor(const std::string& name, size_t index) {
  std::string code;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c)) && code.size() < 4) code += static_cast<char>(std::toupper(c));
  }
  return code + std::to_string(index + 1);
}

// 17:00 in New York (the demo agency's zone) on `day`, give or take the clock change: 21:00 or 22:00 UTC.
Instant EveningOf(Date day) { return Instant::Parse(day.ToString() + "T21:30:00Z").value(); }

struct JobPlan {
  const char* title;
  const char* type;
  agency::JobStatus end;
  int estimate;  // 0 none, 1 draft, 2 sent, 3 approved, 4 approved + revision, 5 approved + change order
};

constexpr JobPlan kPlans[] = {
    {"Spring catalogue", "print", agency::JobStatus::kInProgress, 4},
    {"Website refresh", "digital", agency::JobStatus::kOpen, 2},
    {"Trade show stand", "event", agency::JobStatus::kInProgress, 5},
    {"Radio spots", "broadcast", agency::JobStatus::kOnHold, 1},
    {"Annual report", "print", agency::JobStatus::kClosed, 3},
    {"Social campaign", "digital", agency::JobStatus::kInvoiced, 3},
    {"Packaging redesign", "design", agency::JobStatus::kCompleted, 3},
    {"Brand refresh", "strategy", agency::JobStatus::kOpen, 0},
    {"Flyer reprint", "print", agency::JobStatus::kCancelled, 0},
};

Status Advance(agency::AgencyService& s, const auth::Principal& who, int64_t job_id, agency::JobStatus to) {
  using JS = agency::JobStatus;
  std::vector<JS> path;
  if (to == JS::kOnHold) path = {JS::kInProgress, JS::kOnHold};
  else if (to == JS::kCancelled) path = {JS::kCancelled};
  else if (to == JS::kInProgress) path = {JS::kInProgress};
  else if (to == JS::kCompleted) path = {JS::kInProgress, JS::kCompleted};
  else if (to == JS::kInvoiced) path = {JS::kInProgress, JS::kCompleted, JS::kInvoiced};
  else if (to == JS::kClosed) path = {JS::kInProgress, JS::kCompleted, JS::kInvoiced, JS::kClosed};
  for (JS step : path) {
    const auto job = TRY(s.GetJob(who, job_id));
    TRY(s.ChangeJobStatus(who, job_id, job.job.version, step, "demo"));
  }
  return {};
}

}  // namespace

Status AddAgencyDemo(Platform& p, const std::vector<clients::Client>& clients, const std::vector<int64_t>& leads,
                     const std::vector<int64_t>& coordinators, int account_count, uint64_t seed) {
  const Date today = Instant::FromUnixSeconds(std::chrono::duration_cast<std::chrono::seconds>(
                                                   std::chrono::system_clock::now().time_since_epoch())
                                                   .count())
                         .UtcDate();
  Instant now = EveningOf(today);
  agency::Module demo(*p.db, agency::Clock{[&now] { return now; }});
  agency::AgencyService& s = demo.service;
  const auth::Principal admin{.user_id = coordinators.front(), .name = "Casey Coordinator", .role = auth::Role::kAdmin};
  const Date year_start = Date::FromYmd(today.year() - 1, 1, 1).value();
  for (const auto& [role, rate] : {std::pair{"design", "150.00"}, {"copywriting", "125.00"},
                                   {"account_management", "110.00"}, {"production", "95.00"}, {"strategy", "175.00"}}) {
    TRY(s.AddRate(admin, {std::nullopt, role, year_start, Usd(rate)}, "demo"));
  }
  TRY(s.AddRate(admin, {clients.front().id, "design", year_start, Usd("140.00")}, "demo"));  // a negotiated rate

  uint64_t state = seed;
  auto next = [&state](uint64_t n) {  // splitmix-style step, deterministic per seed
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  const char* services[] = {"design", "copywriting", "account_management", "production"};
  int plan_index = 0;
  for (int a = 0; a < account_count && a < static_cast<int>(clients.size()); ++a) {
    const auto& client = clients[a];
    const int64_t lead = leads[a % leads.size()];
    const int64_t coordinator = coordinators[a % coordinators.size()];
    agency::AccountInput account;
    account.client_code = CodeFor(client.legal_name, a);
    account.industry = client.industry;
    account.org_structure = "Marketing director, brand managers per product line, procurement signs off over $10k";
    account.products = "Three product lines sold under one master brand";
    account.services = "Installation and maintenance contracts";
    account.markets = a % 2 ? "US Northeast and Mid-Atlantic" : "National, with a Canadian pilot";
    account.distribution = a % 3 ? "Dealers and e-commerce" : "Big-box retail";
    account.branding_requirements = "Pantone 2945 C; logo clear space of one 'x'; no stock photography of people";
    account.team = std::vector<agency::TeamSeat>{{lead, "lead", coordinator, "", ""},
                                                 {coordinator, "coordinator", lead, "", ""}};
    TRY(s.SaveAccount(admin, client.id, std::nullopt, account, "demo"));

    for (int j = 0; j < 3; ++j, ++plan_index) {
      const JobPlan& plan = kPlans[plan_index % std::size(kPlans)];
      now = EveningOf(today.AddDays(-100));
      agency::JobInput in;
      in.client_id = client.id;
      in.title = plan.title;
      in.job_type = plan.type;
      in.brief = std::string("Objective: ") + plan.title + " that lifts awareness with the account's core buyers.";
      in.start_date = std::optional<Date>(today.AddDays(-100));
      in.due_date = std::optional<Date>(today.AddDays(static_cast<int>(next(40)) - 10));
      in.owner_user_id = std::optional<int64_t>(coordinator);
      in.milestones = std::vector<agency::JobMilestone>{{"Concepts", today.AddDays(-60), true},
                                                        {"Final artwork", today.AddDays(5), false}};
      const int64_t job_id = TRY(s.OpenJob(admin, in, "demo")).job.id;
      if (plan.estimate > 0) {
        agency::EstimateInput est;
        est.lines = std::vector<agency::EstimateLine>{
            {agency::LineKind::kLabor, "design", "Concepts and artwork", Decimal::FromInt(20 + next(30)), Usd("0"),
             Usd("0"), Decimal()},
            {agency::LineKind::kLabor, "account_management", "Meetings and reporting", Decimal::FromInt(6), Usd("0"),
             Usd("0"), Decimal()},
            {agency::LineKind::kExpense, "printing", "Proofs", Decimal(), Usd("0"), Usd("450.00"),
             Decimal::FromInt(15)}};
        est.terms = "50% on approval, balance on delivery. Net 30.";
        est.close_probability_percent = Decimal::FromInt(50 + static_cast<int64_t>(next(5)) * 10);
        est.expected_close = std::optional<Date>(today.AddDays(static_cast<int>(next(60))));
        auto e = TRY(s.CreateEstimate(admin, job_id, est, "demo"));
        if (plan.estimate >= 2) e = TRY(s.SendEstimate(admin, e.id, e.version, "demo"));
        if (plan.estimate >= 3) {
          e = TRY(s.ApproveEstimate(admin, e.id, e.version,
                                    {"Client marketing director", agency::ApprovalMethod::kEmail, std::nullopt}, "demo"));
        }
        if (plan.estimate == 4) {  // revision 2 adds hours and is approved in turn
          auto r = TRY(s.ReviseEstimate(admin, e.id, "demo"));
          agency::EstimateInput more;
          more.lines = r.estimate.lines;
          more.lines->at(0).hours = more.lines->at(0).hours + Decimal::FromInt(8);
          r = TRY(s.EditEstimate(admin, r.id, r.version, more, "demo"));
          r = TRY(s.SendEstimate(admin, r.id, r.version, "demo"));
          TRY(s.ApproveEstimate(admin, r.id, r.version, {"Client brand manager", agency::ApprovalMethod::kSignedPdf,
                                                         std::nullopt}, "demo"));
        }
        if (plan.estimate == 5) {  // a change order for extra scope
          auto co = TRY(s.AddChangeOrder(admin, e.id, "demo"));
          agency::EstimateInput extra;
          extra.lines = std::vector<agency::EstimateLine>{{agency::LineKind::kLabor, "production", "Extra sizes",
                                                           Decimal::FromInt(12), Usd("0"), Usd("0"), Decimal()}};
          co = TRY(s.EditEstimate(admin, co.id, co.version, extra, "demo"));
          co = TRY(s.SendEstimate(admin, co.id, co.version, "demo"));
          TRY(s.ApproveEstimate(admin, co.id, co.version, {"Client procurement", agency::ApprovalMethod::kPortal,
                                                           std::nullopt}, "demo"));
        }
      }
      // Three months of time on jobs that were worked on, one entry every few days; one in eight late.
      const bool worked = plan.end != agency::JobStatus::kCancelled && plan.estimate != 1;
      std::vector<int64_t> entries;
      for (int day = 90; worked && day >= 1; day -= 2 + static_cast<int>(next(3))) {
        const Date work = today.AddDays(-day);
        if (work.weekday() == date::Saturday || work.weekday() == date::Sunday) continue;
        const bool late = next(8) == 0;
        now = EveningOf(work.AddDays(late ? 8 : static_cast<int>(next(2))));
        if (now > EveningOf(today)) now = EveningOf(today);
        agency::TimeInput t;
        t.job_id = job_id;
        t.user_id = next(3) == 0 ? lead : coordinator;
        t.service = services[next(4)];
        t.work_date = work;
        t.minutes = 30 * (1 + static_cast<int64_t>(next(8)));
        t.notes = "Demo work";
        entries.push_back(TRY(s.EnterTime(admin, t, "demo")).id);
      }
      now = EveningOf(today);
      const bool billed = plan.end == agency::JobStatus::kInvoiced || plan.end == agency::JobStatus::kClosed;
      if (worked) {  // colour proofs from the printer: the estimate's 15 % printing mark-up applies
        agency::ExpenseInput proofs;
        proofs.job_id = job_id;
        proofs.expense_date = today.AddDays(-30);
        proofs.supplier = "Northside Print";
        proofs.category = "printing";
        proofs.description = "Colour proofs";
        proofs.cost = Decimal::FromInt(120 + 15 * j);
        const auto x = TRY(demo.expenses.Create(admin, proofs, "demo"));
        if (billed || plan.end == agency::JobStatus::kCompleted) {
          TRY(demo.expenses.Decide(admin, x.id, x.version, agency::ExpenseState::kApproved, "", "demo"));
        }
      }
      if (billed || plan.end == agency::JobStatus::kCompleted) {
        for (int64_t id : entries) {
          const auto t = TRY(s.GetTime(admin, id));
          TRY(s.AdvanceTime(admin, id, t.version, agency::TimeEntryState::kApproved, "demo"));
        }
      }
      if (billed && !entries.empty()) {
        auto inv = TRY(s.DraftInvoice(admin, {job_id, "time_and_expenses", {}, {}, {}, {}, Decimal(), 30}, "demo"));
        inv = TRY(s.IssueInvoice(admin, inv.id, inv.version, today.AddDays(-20), "demo"));
        inv = TRY(s.RecordDelivery(admin, inv.id, inv.version, {"email", "delivered", "ap@client.example", "", {}},
                                   "demo"));
        if (plan.end == agency::JobStatus::kClosed) {
          const Money total = agency::ComputeInvoiceTotals(inv.invoice).total;
          TRY(s.RecordPayment(admin, inv.id, inv.version, {total.amount(), today.AddDays(-5), "DEMO-REMIT"}, "demo"));
        }
      }
      TRY(Advance(s, admin, job_id, plan.end));
      if (plan.estimate == 4) {
        TRY(demo.meetings.CreateStatusReport(admin, job_id, {"at_risk", 55, "Artwork slipped a week; print date held."},
                                             "demo"));
      }
    }
    agency::ContactReportInput cr;
    cr.client_id = client.id;
    cr.meeting_date = today.AddDays(-3);
    cr.attendees = {{"Client marketing director", "client"}, {"Casey Coordinator", "agency"}};
    cr.discussion = "Reviewed the spring catalogue proofs and the trade show plan.";
    cr.decisions = "Go with layout B; add two extra banner sizes as a change order.";
    cr.action_items = {{"Send revised proofs", coordinator, std::nullopt, today.AddDays(2)},
                       {"Confirm stand dimensions", lead, std::nullopt, today.AddDays(-1)}};
    TRY(demo.meetings.CreateContactReport(admin, cr, "demo"));
    // This week's account status report waits as a draft; the first account prepares one every Monday.
    TRY(demo.account_reports.PrepareDraft(admin, client.id, "manual", "demo"));
    if (a == 0) {
      TRY(demo.account_reports.SaveSchedule(admin, client.id, 0, {client.id, 1, false, "", 0}, "demo"));
    }
  }
  TRY(demo.meetings.CreateTrafficMeeting(admin, today.AddDays(-7), "demo"));
  return {};
}

}  // namespace concord::app
