// Workforce-management demo: three support queues with call history shaped like a benefits/payroll
// support centre's (busy Mondays, a quieter Friday, a short Saturday, closed Sundays; a morning and an
// afternoon peak with a lunch dip; benefits calls surging with open enrollment in November), a
// forecast per queue, a schedule for the forecast fortnight with a few planted gaps, and the first
// forecast week's actual calls so the forecast can be compared with what happened.
#include "app/demo_wfm.h"

#include <date/tz.h>

#include <array>
#include <cmath>

#include "app/demo_random.h"

namespace concord::app {
namespace {

struct DemoQueue {
  const char* key;
  const char* name;
  double weekday_calls;  // a Wednesday's calls, before growth and season
  double aht_s;
  double abandon_rate;
  std::optional<double> patience_s;
};

constexpr std::array<DemoQueue, 3> kQueues = {{
    {"payroll", "Payroll questions", 360, 330, 0.04, std::nullopt},
    {"benefits", "Benefits and enrollment", 220, 420, 0.06, 240.0},
    {"employer_billing", "Employer billing", 90, 270, 0.02, std::nullopt},
}};

// Monday … Sunday (date::weekday encoding: Sunday = 0).
constexpr std::array<double, 7> kDayFactor = {0.0, 1.25, 1.1, 1.0, 0.95, 0.85, 0.25};

const Date kForecastFrom = Date::Parse("2026-11-16").value();  // a Monday; history ends the Sunday before

// Relative call rate of a weekday's 30-minute interval starting at `hour` (08:00–18:00 open): a morning
// peak near 10:30, an afternoon one near 14:30, a dip over lunch.
double IntradayWeight(double hour, bool saturday) {
  if (saturday) return hour >= 10 && hour < 14 ? 1.0 : 0.0;
  if (hour < 8 || hour >= 18) return 0.0;
  double w = 0.5 + std::exp(-std::pow((hour + 0.25 - 10.5) / 1.3, 2)) +
             0.8 * std::exp(-std::pow((hour + 0.25 - 14.5) / 1.5, 2));
  if (hour >= 12 && hour < 13) w *= 0.8;
  return w;
}

std::array<double, 48> Profile(bool saturday) {
  std::array<double, 48> shares{};
  double sum = 0;
  for (int i = 0; i < 48; ++i) sum += shares[i] = IntradayWeight(i / 2.0, saturday);
  for (double& s : shares) s /= sum;
  return shares;
}

// The calls of one queue on local days [from, to), deterministic for the generator's state.
std::vector<wfm::CallDetail> Calls(Random& rng, const DemoQueue& q, Date from, Date to, int& serial) {
  const date::time_zone* zone = date::locate_zone("America/New_York");
  const auto weekday_profile = Profile(false), saturday_profile = Profile(true);
  std::vector<wfm::CallDetail> out;
  for (Date day = from; day < to; day = day.AddDays(1)) {
    const unsigned wd = day.weekday().c_encoding();
    const double weeks_back = DaysBetween(day, kForecastFrom) / 7.0;
    double volume = q.weekday_calls * kDayFactor[wd] * (1.0 - 0.004 * weeks_back);  // slow growth
    if (std::string(q.key) == "benefits" && day >= Date::Parse("2026-11-01").value()) volume *= 1.35;
    const auto& profile = wd == 6 ? saturday_profile : weekday_profile;
    for (int i = 0; i < 48; ++i) {
      const int calls = rng.Poisson(volume * profile[i]);
      for (int k = 0; k < calls; ++k) {
        const auto offset = std::chrono::seconds(i * 1800 + static_cast<int>(rng.Below(1800)));
        const date::local_seconds local{date::local_days(day.sys_days().time_since_epoch()) + offset};
        wfm::CallDetail call;
        call.call_id = std::string(q.key).substr(0, 3) + "-" + std::to_string(++serial);
        call.queue = q.key;
        call.arrived = Instant(zone->to_sys(local, date::choose::earliest));
        call.answered = rng.Unit() >= q.abandon_rate;
        call.handle_s = call.answered ? static_cast<int64_t>(q.aht_s * (0.4 + 1.2 * rng.Unit())) : 0;
        call.wait_s = static_cast<int64_t>(rng.Below(call.answered ? 40 : 180));
        out.push_back(std::move(call));
      }
    }
  }
  return out;
}

class NoProgress final : public jobs::Progress {
 public:
  void Update(int64_t, int64_t, const std::string&) override {}
};

// Positions scheduled: what the plan needs, less cover on Monday mornings and over lunch, more on
// Friday afternoons, so the staffing screen has gaps to show both ways.
int Scheduled(const wfm::PlanInterval& p) {
  const unsigned wd = Date::Parse(p.day).value().weekday().c_encoding();
  const int required = p.row.required.positions;
  if (required == 0) return 0;
  if (wd == 1 && p.start_min >= 9 * 60 && p.start_min < 11 * 60) return std::max(0, required - 3);
  if (p.start_min >= 12 * 60 && p.start_min < 13 * 60) return std::max(0, required - 1);
  if (wd == 5 && p.start_min >= 16 * 60) return required + 2;
  return required;
}

}  // namespace

Status AddWorkforceDemo(Platform& p, const auth::Principal& manager, uint64_t seed, DemoSize size) {
  Random rng(seed ^ 0x5746'4d00ULL);  // "WFM": its own stream, so other modules' demo data stays as it was
  const int weeks = size == DemoSize::kSmall ? 8 : 16;
  const Date history_from = kForecastFrom.AddDays(-7 * weeks);
  const audit::Actor actor = manager.Actor("demo");
  int serial = 0;
  for (const DemoQueue& q : kQueues) {
    wfm::QueueInput input;
    input.key = q.key;
    input.name = q.name;
    if (q.patience_s) input.patience_s = q.patience_s;
    const wfm::Queue queue = TRY(p.wfm->CreateQueue(manager, input, "demo"));
    TRY(p.wfm->ImportCalls(actor, Calls(rng, q, history_from, kForecastFrom, serial),
                           {{"file_name", std::string(q.key) + "-history.csv"}}, false));

    // History to the closed Sunday before the forecast (the last call came on Saturday).
    const wfm::ForecastInput window{7, 14, 7 * weeks, kForecastFrom.AddDays(-1)};
    const wfm::ForecastRun run = TRY(p.wfm->StartForecast(manager, queue.id, window, "demo", /*in_background=*/false));
    NoProgress progress;
    TRY(p.wfm->ExecuteForecast(run.id, window, std::nullopt, progress));

    const wfm::StaffingPlan plan = TRY(p.wfm->Plan(run.id, {}));
    std::vector<wfm::ScheduleEntry> schedule;
    for (const auto& interval : plan.intervals) {
      if (interval.row.required.positions > 0) {
        schedule.push_back({interval.day, interval.start_min, Scheduled(interval)});
      }
    }
    TRY(p.wfm->SetSchedule(manager, queue.id, schedule, "demo"));

    // Monday to Saturday of the forecast's first week happened after it was made.
    TRY(p.wfm->ImportCalls(actor, Calls(rng, q, kForecastFrom, kForecastFrom.AddDays(6), serial),
                           {{"file_name", std::string(q.key) + "-this-week.csv"}}, false));
  }
  return {};
}

}  // namespace concord::app
