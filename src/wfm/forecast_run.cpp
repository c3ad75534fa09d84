// Forecast runs and staffing plans (WfmService): history from every contact source, the background
// fit with its back-test, and the plan against the schedule.
#include <date/tz.h>
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "store/time.h"
#include "wfm/forecast.h"
#include "wfm/service.h"

namespace concord::wfm {
namespace {

constexpr const char* kForecastJob = "wfm.forecast";
constexpr const char* kImportJob = "wfm.import_call_detail";

Result<const date::time_zone*> Zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::Invalid("calendar.unknown_time_zone", "unknown time zone \"" + name + "\"");
  }
}

Date LocalDay(const date::time_zone* zone, Instant t) {
  return Date(date::sys_days(std::chrono::floor<date::days>(zone->to_local(t.time())).time_since_epoch()));
}

// Two decimals are plenty for contacts and seconds, and keep stored series small.
nlohmann::json Rounded(const std::vector<double>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (double v : values) out.push_back(std::round(v * 100.0) / 100.0);
  return out;
}

nlohmann::json AccuracyJson(const Accuracy& a) {
  auto opt = [](const std::optional<double>& v) {
    return v ? nlohmann::json(std::round(*v * 100.0) / 100.0) : nlohmann::json(nullptr);
  };
  return {{"mape", opt(a.mape)}, {"wape", opt(a.wape)}, {"points", a.points}, {"zero_actuals", a.zero_actuals}};
}

std::vector<double> Doubles(const nlohmann::json& j) {
  std::vector<double> out;
  if (j.is_array()) {
    for (const auto& v : j) out.push_back(v.is_number() ? v.get<double>() : 0.0);
  }
  return out;
}

std::string Hhmm(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

}  // namespace

Result<IntervalVolumes> WfmService::History(const Queue& queue, Date first_day, int days, int interval_min) {
  // A day either side of the local range covers any offset; BucketContacts drops what falls outside.
  const Instant from(std::chrono::sys_seconds(first_day.AddDays(-1).sys_days()));
  const Instant to(std::chrono::sys_seconds(first_day.AddDays(days + 1).sys_days()));
  std::vector<QueuedContact> contacts;
  {
    auto conn = TRY(db_.Acquire());
    contacts = TRY(QueueContacts(*conn, queue.key, queue.id, from, to));
  }
  for (const auto& source : sources_) {
    for (auto& c : TRY(source(queue.key, from, to))) contacts.push_back(std::move(c));
  }
  auto by_queue = TRY(BucketByQueue(contacts, first_day, days, interval_min, queue.time_zone));
  if (auto it = by_queue.find(queue.key); it != by_queue.end()) return std::move(it->second);
  return BucketContacts({}, first_day, days, interval_min, queue.time_zone);
}

Result<Page<ForecastRun>> WfmService::ListForecasts(const ListArgs& args) {
  auto conn = TRY(db_.Acquire());
  return wfm::ListForecasts(*conn, args);
}

Result<ForecastRun> WfmService::GetForecast(int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadForecast(*conn, id);
}

Result<ForecastRun> WfmService::StartForecast(const auth::Principal& caller, int64_t queue_id,
                                              const ForecastInput& input, const std::string& request_id,
                                              bool in_background) {
  std::vector<FieldError> errors;
  if (input.holdout_days < 1 || input.holdout_days > 28) {
    errors.push_back({"holdout_days", "wfm.holdout_invalid", "Hold back 1 to 28 days."});
  }
  if (input.horizon_days < 1 || input.horizon_days > 62) {
    errors.push_back({"horizon_days", "wfm.horizon_invalid", "Forecast 1 to 62 days."});
  }
  if (input.history_days < 14 + input.holdout_days || input.history_days > 730) {
    errors.push_back({"history_days", "wfm.history_days_invalid",
                      "Use two weeks plus the held-back days, up to 730 days, of history."});
  }
  if (!errors.empty()) return Error::Invalid("request.invalid", "The forecast has errors; see the fields.", errors);
  return db_.Transact<ForecastRun>([&](store::Connection& c) -> Result<ForecastRun> {
    const Queue queue = TRY(LoadQueue(c, queue_id));
    ForecastRun run;
    run.queue_id = queue.id;
    run.interval_min = queue.interval_min;
    run.holdout_days = input.holdout_days;
    run.horizon_days = input.horizon_days;
    run.created_by = caller.user_id;
    run.created_at = run.updated_at = store::NowText();
    run.id = TRY(InsertForecast(c, run));
    if (in_background) {
      nlohmann::json payload = {{"forecast_id", run.id}, {"history_days", input.history_days}};
      if (input.history_to) payload["history_to"] = input.history_to->ToString();
      run.job_id = TRY(jobs::Enqueue(c, {kForecastJob, payload, caller.user_id, std::nullopt, 1}));
      TRY(SaveForecast(c, run));
    }
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"wfm_forecast", std::to_string(run.id), std::nullopt, "create", nullptr,
                       {{"queue", queue.key}, {"holdout_days", run.holdout_days}, {"horizon_days", run.horizon_days},
                        {"history_days", input.history_days}, {"job_id", run.job_id ? nlohmann::json(*run.job_id) : nlohmann::json()}}}));
    return LoadForecast(c, run.id);
  });
}

Result<ForecastRun> WfmService::ExecuteForecast(int64_t run_id, const ForecastInput& input,
                                                std::optional<int64_t> job_id, jobs::Progress& progress) {
  const int history_days = input.history_days;
  ForecastRun run = TRY(GetForecast(run_id));
  const Queue queue = TRY(GetQueue(run.queue_id));
  auto finish = [&](std::optional<Error> error) -> Result<ForecastRun> {
    run.state = error ? "failed" : "succeeded";
    run.error = error ? error->message : "";
    const audit::Actor actor = audit::Actor::System(job_id ? "job:" + std::to_string(*job_id) : "wfm");
    TRY(db_.TransactStatus([&](store::Connection& c) -> Status {
      TRY(SaveForecast(c, run));
      return audit::Append(c, actor, {"wfm_forecast", std::to_string(run.id), std::nullopt, run.state, nullptr,
                                      {{"accuracy", run.accuracy}, {"error", run.error}}});
    }));
    if (error) return *error;
    return run;
  };
  auto attempt = [&]() -> Status {
    const date::time_zone* zone = TRY(Zone(queue.time_zone));
    progress.Update(0, 4, "Finding the history");
    std::optional<std::pair<std::string, std::string>> span;
    {
      auto conn = TRY(db_.Acquire());
      span = TRY(ContactSpan(*conn, queue.id));
    }
    if (!span) return Error::Invalid("wfm.no_history", "Queue " + queue.key + " has no contacts to forecast from.");
    const Date last = input.history_to.value_or(LocalDay(zone, TRY(Instant::Parse(span->second))));
    Date first = LocalDay(zone, TRY(Instant::Parse(span->first)));
    if (first > last) return Error::Invalid("wfm.no_history", "Queue " + queue.key + " has no contacts by " + last.ToString() + ".");
    if (history_days > 0 && DaysBetween(first, last) + 1 > history_days) first = last.AddDays(1 - history_days);
    const int days = DaysBetween(first, last) + 1;

    progress.Update(1, 4, "Counting " + std::to_string(days) + " days of contacts into intervals");
    const IntervalVolumes volumes = TRY(History(queue, first, days, run.interval_min));

    progress.Update(2, 4, "Back-testing on the last " + std::to_string(run.holdout_days) + " days");
    ForecastOptions options;
    Result<Backtest> backtest = BacktestForecast(volumes.history(), run.holdout_days, options);
    if (!backtest && backtest.error().code == "wfm.history_not_positive") {
      // A day with no contacts (closed on Sundays) rules out multiplicative seasonality.
      options.seasonality = Seasonality::kAdditive;
      backtest = BacktestForecast(volumes.history(), run.holdout_days, options);
    }
    if (!backtest) return backtest.error();

    progress.Update(3, 4, "Forecasting " + std::to_string(run.horizon_days) + " days");
    const IntervalForecast forecast = TRY(ForecastIntervals(volumes.history(), run.horizon_days, options));
    const std::vector<double> weekly_aht = WeeklyAhtProfile(volumes);
    const size_t per_day = static_cast<size_t>(1440 / run.interval_min);
    std::vector<double> aht(forecast.contacts.size());
    for (size_t i = 0; i < aht.size(); ++i) {
      const size_t day = static_cast<size_t>(days) + i / per_day;
      aht[i] = weekly_aht[(day % 7) * per_day + i % per_day];
    }
    const size_t held = static_cast<size_t>(run.holdout_days) * per_day;
    std::vector<double> actual(volumes.contacts.end() - static_cast<std::ptrdiff_t>(held), volumes.contacts.end());

    run.history_from = first.ToString();
    run.history_to = last.ToString();
    run.forecast_from = last.AddDays(1).ToString();
    run.params = {{"alpha", forecast.params.alpha},
                  {"beta", forecast.params.beta},
                  {"gamma", forecast.params.gamma},
                  {"trend", forecast.params.trend},
                  {"seasonality", options.seasonality == Seasonality::kAdditive ? "additive" : "multiplicative"}};
    run.accuracy = {{"interval", AccuracyJson(backtest->interval_accuracy)},
                    {"daily", AccuracyJson(backtest->daily_accuracy)}};
    run.series = {{"history_days", history_days},
                  {"forecast", {{"contacts", Rounded(forecast.contacts)}, {"aht_s", Rounded(aht)},
                                {"daily", Rounded(forecast.daily)}}},
                  {"backtest", {{"first_day", last.AddDays(1 - run.holdout_days).ToString()},
                                {"actual", Rounded(actual)},
                                {"forecast", Rounded(backtest->forecast.contacts)},
                                {"forecast_daily", Rounded(backtest->forecast.daily)}}}};
    progress.Update(4, 4, "Forecast ready");
    return {};
  };
  run.state = "running";
  run.job_id = job_id ? job_id : run.job_id;
  {
    auto conn = TRY(db_.Acquire());
    TRY(SaveForecast(*conn, run));
  }
  Status status = attempt();
  return finish(status.ok() ? std::nullopt : std::optional<Error>(std::move(status).error()));
}

Result<StaffingPlan> WfmService::Plan(int64_t forecast_id, const QueueInput& overrides) {
  StaffingPlan plan;
  plan.forecast = TRY(GetForecast(forecast_id));
  if (plan.forecast.state != "succeeded") {
    return Error::Conflict("wfm.forecast_not_ready",
                           "Forecast " + std::to_string(forecast_id) + " is " + plan.forecast.state + ".");
  }
  plan.queue = TRY(GetQueue(plan.forecast.queue_id));
  Queue targets_of = plan.queue;
  Apply(overrides, targets_of);
  if (auto errors = ValidateQueue(targets_of); !errors.empty()) {
    return Error::Invalid("request.invalid", "The staffing targets have errors; see the fields.", errors);
  }
  plan.targets = TargetsOf(targets_of);

  const auto& series = plan.forecast.series["forecast"];
  const std::vector<double> contacts = Doubles(series["contacts"]);
  const std::vector<double> aht = Doubles(series["aht_s"]);
  const int interval = plan.forecast.interval_min;
  const int per_day = 1440 / interval;
  const Date first = TRY(Date::Parse(plan.forecast.forecast_from));
  const int days = static_cast<int>(contacts.size()) / per_day;
  const std::string last = first.AddDays(days - 1).ToString();

  std::map<std::pair<std::string, int>, int> scheduled_at;
  for (const auto& e : TRY(Schedule(plan.queue.id, first.ToString(), last))) {
    scheduled_at[{e.day, e.start_min}] = e.scheduled;
  }
  const IntervalVolumes actual = TRY(History(plan.queue, first, days, interval));
  std::vector<IntervalDemand> demand;
  std::vector<int> scheduled;
  for (size_t i = 0; i < contacts.size(); ++i) {
    const std::string day = first.AddDays(static_cast<int>(i) / per_day).ToString();
    const int start = static_cast<int>(i % per_day) * interval;
    demand.push_back({contacts[i], i < aht.size() ? aht[i] : 0.0});
    auto it = scheduled_at.find({day, start});
    scheduled.push_back(it == scheduled_at.end() ? 0 : it->second);
  }
  const auto rows = TRY(PlanStaffing(demand, scheduled, interval * 60.0, plan.targets));
  std::vector<double> day_actual(days, 0.0);
  for (size_t i = 0; i < actual.contacts.size(); ++i) day_actual[i / per_day] += actual.contacts[i];
  for (size_t i = 0; i < rows.size(); ++i) {
    PlanInterval p{first.AddDays(static_cast<int>(i) / per_day).ToString(), static_cast<int>(i % per_day) * interval,
                   demand[i].contacts, demand[i].aht_s, std::nullopt, rows[i]};
    if (day_actual[i / per_day] > 0) p.actual = actual.contacts[i];  // only days that have happened
    plan.intervals.push_back(p);
  }
  return plan;
}

nlohmann::json StaffingPlan::Summary() const {
  int under = 0, over = 0, peak = 0;
  double short_hours = 0;
  for (const auto& p : intervals) {
    if (p.row.gap > 0) {
      ++under;
      short_hours += p.row.gap * forecast.interval_min / 60.0;
    }
    if (p.row.gap < 0) ++over;
    peak = std::max(peak, p.row.required.positions);
  }
  return {{"intervals", intervals.size()},
          {"understaffed_intervals", under},
          {"overstaffed_intervals", over},
          {"short_position_hours", short_hours},
          {"peak_positions", peak},
          {"model", targets.patience_s ? "erlang_a" : "erlang_c"}};
}

io::Table WfmService::PlanTable(const StaffingPlan& plan) {
  io::Table table{"Staffing plan",
                  {"day", "start", "forecast_contacts", "actual_contacts", "aht_s", "model", "agents", "positions",
                   "service_level", "asa_s", "occupancy", "scheduled", "gap"},
                  {}};
  for (const auto& p : plan.intervals) {
    const StaffingResult& r = p.row.required;
    table.rows.push_back({p.day, Hhmm(p.start_min), fmt::format("{:.2f}", p.contacts),
                          p.actual ? fmt::format("{:.0f}", *p.actual) : "", fmt::format("{:.0f}", p.aht_s),
                          ModelName(r.model), std::to_string(r.agents), std::to_string(r.positions),
                          fmt::format("{:.4f}", r.service_level), fmt::format("{:.1f}", r.asa_s),
                          fmt::format("{:.4f}", r.occupancy), std::to_string(p.row.scheduled),
                          std::to_string(p.row.gap)});
  }
  return table;
}

void WfmService::RegisterJobs(jobs::Registry& registry) {
  registry.Register(kForecastJob, [this](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    ForecastInput input;
    input.history_days = job.payload.value("history_days", 84);
    if (job.payload.contains("history_to")) input.history_to = TRY(Date::Parse(job.payload.value("history_to", "")));
    const ForecastRun run = TRY(ExecuteForecast(job.payload.value("forecast_id", int64_t{0}), input, job.id, progress));
    return jobs::Outcome{{{"forecast_id", run.id}, {"accuracy", run.accuracy}}, std::nullopt};
  });
  registry.Register(kImportJob, [this](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    jobs::File file;
    {
      auto conn = TRY(db_.Acquire());
      file = TRY(jobs::LoadFile(*conn, job.payload.value("file_id", int64_t{0})));
    }
    const audit::Actor actor{job.created_by, job.payload.value("actor", "import"), "job:" + std::to_string(job.id)};
    const ImportReport report = TRY(ImportCallDetail(actor, file.content, file.name, false, &progress));
    return jobs::Outcome{report.ToJson(), std::nullopt};
  });
}

}  // namespace concord::wfm
