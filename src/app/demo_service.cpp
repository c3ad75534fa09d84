// Demo data of the service desk: a business calendar, queues of the demo staff, SLA policies, macros
// and weeks of cases with a weekly and intraday rhythm (Mondays busiest, weekends quiet, peaks at 10:00
// and 14:00 Chicago time), each lived through the desk's own use cases on a simulated clock so its
// timeline, SLA events and audit trail are real.
#include "app/demo_service.h"

#include <date/tz.h>

#include <cmath>
#include <random>

namespace concord::app {
namespace {

using service::CaseInput;
using service::EntryInput;

constexpr const char* kZone = "America/Chicago";

// Relative arrivals per local hour 0..23 (zero outside 07:00–19:00) and per weekday (Sunday first).
constexpr double kHourly[24] = {0, 0, 0, 0, 0, 0, 0, 0.2, 0.7, 1.0, 1.2, 1.0, 0.6, 0.8, 1.1, 1.0, 0.8, 0.5, 0.2, 0.1, 0, 0, 0, 0};
constexpr double kWeekday[7] = {0.05, 1.35, 1.1, 1.0, 1.0, 0.8, 0.1};

struct Subject {
  const char* category;
  const char* text;
};
constexpr Subject kSubjects[] = {
    {"payroll", "Pay stub missing for last week"},   {"payroll", "Overtime not paid at time and a half"},
    {"payroll", "Direct deposit went to old account"}, {"benefits", "Dependent not showing on medical plan"},
    {"benefits", "HSA contribution amount wrong"},    {"benefits", "Open enrollment confirmation needed"},
    {"timecard", "Timecard rejected by the approver"}, {"timecard", "Missing punches on Tuesday"},
    {"onboarding", "New hire cannot log in to the portal"}, {"compliance", "I-9 reverification due"},
    {"billing", "Invoice total does not match the register"}, {"billing", "Credit memo not applied"},
    {"claims_appeal", "Appeal of denied physical therapy claim"}, {"files", "834 import file rejected"},
    {"general", "Change of address for the company"}};

class DemoCases {
 public:
  DemoCases(Platform& p, uint64_t seed, const std::vector<int64_t>& agents, const std::vector<clients::Client>& clients)
      : rng_(seed ^ 0x5e41ce), desk_(*p.db, [this] { return now_; }), agents_(agents), clients_(clients) {}

  Status Configure(const auth::Principal& manager, const std::vector<int64_t>& executives) {
    service::CalendarRecord cal;
    cal.name = "Employer support hours (Chicago)";
    cal.calendar = BusinessCalendar::Weekdays(kZone, {BusinessHours::Parse("08:00-18:00").value()});
    for (const char* d : {"2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25", "2027-01-01"})
      cal.calendar.holidays.insert(Date::Parse(d).value());
    const int64_t calendar = TRY(desk_.SaveCalendar(manager, std::nullopt, std::nullopt, cal, "demo")).id;
    auto members = [&](const std::vector<int64_t>& ids, int capacity) {
      std::vector<service::QueueMember> out;
      for (size_t i = 0; i < ids.size(); ++i)
        out.push_back({ids[i], "", {i % 3 == 0 ? "lang:es" : "lang:en"}, capacity});
      return out;
    };
    service::Queue l2{0, "L2 account executives", "least_loaded", "compliance", std::nullopt, std::nullopt,
                      "escalations@concord.test", members(executives, 40), 1};
    l2_queue_ = TRY(desk_.SaveQueue(manager, std::nullopt, std::nullopt, l2, "demo")).id;
    service::Queue front{0, "Employer support", "round_robin", std::nullopt, std::nullopt, std::nullopt,
                         "support@concord.test", members(agents_, 30), 1};
    TRY(desk_.SaveQueue(manager, std::nullopt, std::nullopt, front, "demo"));
    service::Queue benefits{0, "Benefits and claims", "skills", "benefits", std::nullopt, std::nullopt,
                            "benefits@concord.test", members(agents_, 30), 1};
    TRY(desk_.SaveQueue(manager, std::nullopt, std::nullopt, benefits, "demo"));
    service::PolicyRecord standard;
    standard.name = "Standard: respond in 4 business hours, solve in 3 days";
    standard.calendar_id = calendar;
    standard.first_response_min = 240;
    standard.next_response_min = 480;
    standard.resolution_min = 1800;
    standard.due_soon_min = 60;
    standard.escalations = {{"resolution", 120, "raise_level", std::to_string(l2_queue_)}};
    TRY(desk_.SavePolicy(manager, std::nullopt, std::nullopt, standard, "demo"));
    service::PolicyRecord urgent = standard;
    urgent.name = "Urgent: respond in 30 minutes, solve the same day";
    urgent.priority = "urgent";
    urgent.first_response_min = 30;
    urgent.next_response_min = 60;
    urgent.resolution_min = 480;
    urgent.due_soon_min = 15;
    urgent.escalations = {{"first_response", 10, "notify", ""}, {"resolution", 120, "raise_level", std::to_string(l2_queue_)}};
    TRY(desk_.SavePolicy(manager, std::nullopt, std::nullopt, urgent, "demo"));
    service::PolicyRecord appeals = standard;
    appeals.name = "Claims appeals: acknowledge in a day, decide in 10 days";
    appeals.category = "claims_appeal";
    appeals.first_response_min = 600;
    appeals.resolution_min = 6000;
    appeals.escalations = {};
    TRY(desk_.SavePolicy(manager, std::nullopt, std::nullopt, appeals, "demo"));
    for (const auto& [name, body, status] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"Acknowledge", "Hello {{requester_name}},\n\nThank you for reaching out. Case {{case_id}} is with {{agent_name}} and we will update you shortly.", "open"},
             {"Ask for the register", "Hello {{requester_name}},\n\nCould you send us the payroll register for the week in question? Case {{case_id}}.", "pending_requester"},
             {"Solved", "Hello {{requester_name}},\n\nThis is now resolved. Reply to this message if anything is still wrong.\n\n{{agent_name}}", "solved"}}) {
      service::Macro m;
      m.name = name;
      m.body = body;
      m.set_status = status;
      TRY(desk_.SaveMacro(manager, std::nullopt, std::nullopt, m, "demo"));
    }
    return {};
  }

  // Cases arriving over `days` days up to `end`, each taken through its life.
  Status Generate(int days, double per_peak_hour, Instant end) {
    const BusinessCalendar cal = BusinessCalendar::Weekdays(kZone, {});
    const Date last = cal.LocalDate(end);
    for (Date day = last.AddDays(-days); day <= last; day = day.AddDays(1)) {
      const unsigned weekday = day.weekday().c_encoding();
      for (int hour = 7; hour < 20; ++hour) {
        const double mean = per_peak_hour * kHourly[hour] * kWeekday[weekday];
        const int n = std::poisson_distribution<int>(mean)(rng_);
        for (int k = 0; k < n; ++k) {
          const Instant at = LocalTime(day, hour, static_cast<int>(Below(60)));
          if (end < at) continue;
          TRY(LiveOneCase(at, end));
        }
      }
    }
    return {};
  }

  // A quality lead's reviews: two thirds of this month's sample (three per agent), mostly good with
  // the odd weak answer, so the quality report has averages and a trend to show.
  Status ReviewSample(const auth::Principal& reviewer, Instant end) {
    now_ = end;
    const std::string from = (end - std::chrono::hours(24 * 30)).ToString();
    const auto sample = TRY(desk_.QualitySample(from, end.ToString(), 3, "demo"));
    for (const auto& picked : sample) {
      if (!Chance(67)) continue;
      service::Ratings ratings;
      for (const auto& c : service::DefaultCriteria())
        ratings[c.key] = c.key == "process" && Chance(15) ? std::nullopt
                                                           : std::optional<int>(Chance(75) ? 3 + static_cast<int>(Below(2)) : static_cast<int>(Below(3)));
      TRY(desk_.ReviewCase(reviewer, picked.case_id, ratings, Chance(30) ? "Good tone; check the policy wording." : "", "demo"));
    }
    return {};
  }

 private:
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool Chance(int pct) { return static_cast<int>(Below(100)) < pct; }

  static Instant LocalTime(Date day, int hour, int minute) {
    const auto* zone = date::locate_zone(kZone);
    const date::local_seconds local{day.sys_days().time_since_epoch() + std::chrono::hours(hour) +
                                    std::chrono::minutes(minute)};
    return Instant(zone->to_sys(local, date::choose::earliest));
  }

  auth::Principal Agent(std::optional<int64_t> id) const {
    return {.user_id = id.value_or(agents_.front()), .name = "Demo agent", .role = auth::Role::kCoordinator};
  }

  Status LiveOneCase(Instant at, Instant end) {
    now_ = at;
    const Subject& s = kSubjects[Below(std::size(kSubjects))];
    const clients::Client& client = clients_[Below(std::min<size_t>(clients_.size(), 25))];
    const int channel = static_cast<int>(Below(10));
    CaseInput in;
    in.subject = s.text;
    in.category = s.category;
    in.client_id = client.id;
    in.priority = Chance(6) ? "urgent" : Chance(20) ? "high" : Chance(20) ? "low" : "normal";
    in.channel = channel < 5 ? "email" : channel < 8 ? "phone" : channel < 9 ? "chat" : "portal";
    in.requester_name = "Contact at " + client.legal_name.substr(0, client.legal_name.find(' '));
    in.requester_email = "payroll@" + std::to_string(client.id) + ".example.test";
    in.description = std::string(s.text) + ". Please advise.";
    in.language = Chance(12) ? "es" : "en";
    service::Case c = TRY(desk_.Create(Agent(std::nullopt), in, "demo"));
    const auth::Principal agent = Agent(c.assignee_id);
    auto later = [&](int minutes) {
      now_ = now_ + std::chrono::minutes(minutes);
      return !(end < now_);
    };
    // First contact: a phone case is a call logged at once, others wait a while for a reply.
    if (in.channel == "phone" || in.channel == "chat") {
      EntryInput call{.kind = in.channel == "phone" ? "call" : "chat", .body = "Talked it through with the requester."};
      call.duration_s = 120 + static_cast<int64_t>(Below(720));
      call.outcome = in.channel == "phone" ? std::optional<std::string>(Chance(55) ? "resolved" : "follow_up") : std::nullopt;
      if (Chance(55)) call.set_status = "solved";
      if (!later(static_cast<int>(call.duration_s.value() / 60))) return {};
      TRY(desk_.AddEntry(agent, c.id, call, "demo"));
      if (call.set_status) return Survey(c.id);
    } else {
      if (!later(10 + static_cast<int>(Below(Chance(15) ? 900 : 200)))) return {};
      EntryInput reply{.kind = "reply", .body = "Thanks, we are looking into it."};
      if (Chance(40)) reply.set_status = "pending_requester";
      TRY(desk_.AddEntry(agent, c.id, reply, "demo"));
      if (reply.set_status) {
        if (!later(30 + static_cast<int>(Below(1200)))) return {};
        TRY(desk_.AddEntry(agent, c.id, {.kind = "message", .body = "Here is what you asked for."}, "demo"));
      }
    }
    if (!later(60 + static_cast<int>(Below(Chance(20) ? 5000 : 1500)))) return {};
    TRY(desk_.AddEntry(agent, c.id, {.kind = "reply", .body = "This is resolved now.", .set_status = "solved"}, "demo"));
    return Survey(c.id);
  }

  Status Survey(int64_t case_id) {
    if (!Chance(35)) return {};
    const service::Case c = TRY(desk_.Get(Agent(std::nullopt), case_id));
    const int64_t rating = Chance(70) ? 5 : Chance(60) ? 4 : 2 + static_cast<int64_t>(Below(2));
    TRY(desk_.AnswerSurvey(c.survey_token, rating, "", "demo"));
    return {};
  }

  std::mt19937_64 rng_;
  Instant now_;
  service::ServiceDesk desk_;
  std::vector<int64_t> agents_;
  const std::vector<clients::Client>& clients_;
  int64_t l2_queue_ = 0;
};

}  // namespace

Status AddServiceDemo(Platform& p, uint64_t seed, DemoSize size, const DemoServiceStaff& staff,
                      const std::vector<clients::Client>& clients) {
  if (clients.empty() || staff.agents.empty()) return {};
  DemoCases demo(p, seed, staff.agents, clients);
  const auth::Principal manager{.user_id = staff.agents.front(), .name = "Demo setup", .role = auth::Role::kAdmin};
  TRY(demo.Configure(manager, staff.executives.empty() ? staff.agents : staff.executives));
  const Instant end(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  TRY(size == DemoSize::kSmall ? demo.Generate(21, 1.6, end) : demo.Generate(120, 4.0, end));
  return demo.ReviewSample(manager, end);
}

}  // namespace concord::app
