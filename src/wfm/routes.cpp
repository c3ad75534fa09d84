#include "wfm/routes.h"

#include <fmt/format.h>

#include "api/api.h"
#include "io/table.h"

namespace concord::wfm {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

const nlohmann::json kQueueRef = {{"$ref", "#/components/schemas/WfmQueue"}};
const nlohmann::json kQueueInputRef = {{"$ref", "#/components/schemas/WfmQueueInput"}};
const nlohmann::json kContactRef = {{"$ref", "#/components/schemas/WfmContact"}};
const nlohmann::json kForecastRef = {{"$ref", "#/components/schemas/WfmForecast"}};
const nlohmann::json kPlanRef = {{"$ref", "#/components/schemas/WfmStaffingPlan"}};
const nlohmann::json kImportRef = {{"$ref", "#/components/schemas/WfmImportReport"}};
const nlohmann::json kJobRef = {{"$ref", "#/components/schemas/Job"}};
const nlohmann::json kCsvBody = {{"type", "string"}, {"contentMediaType", "text/csv"}};
const std::vector<std::string> kTargetParams = {"target_sl", "target_s", "max_occupancy", "shrinkage", "patience_s",
                                                "max_abandonment"};

std::string Hhmm(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

// A number from a JSON body or a query string, collecting a field error when it is not one.
std::optional<double> Number(const nlohmann::json* value, const std::string& name, api::Fields& fields) {
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_number()) return value->get<double>();
  fields.Fail(name, "field.type", "Must be a number.");
  return std::nullopt;
}

Result<QueueInput> QueueInputFrom(const nlohmann::json& body) {
  api::Fields f(body);
  QueueInput in;
  in.key = f.String("key", 40);
  in.name = f.String("name", 200);
  in.time_zone = f.String("time_zone", 64);
  if (auto minutes = f.Int("interval_min")) in.interval_min = static_cast<int>(*minutes);
  in.target_sl = Number(f.Raw("target_sl"), "target_sl", f);
  in.target_s = Number(f.Raw("target_s"), "target_s", f);
  in.max_occupancy = Number(f.Raw("max_occupancy"), "max_occupancy", f);
  in.shrinkage = Number(f.Raw("shrinkage"), "shrinkage", f);
  in.max_abandonment = Number(f.Raw("max_abandonment"), "max_abandonment", f);
  if (f.Has("patience_s")) in.patience_s = Number(f.Raw("patience_s"), "patience_s", f);
  TRY(f.Finish("The queue"));
  return in;
}

// Staffing targets given in the query string override the queue's for one plan.
Result<QueueInput> TargetsFrom(const http::Request& request) {
  nlohmann::json body = nlohmann::json::object();
  for (const auto& name : kTargetParams) {
    if (auto text = request.Query(name); text && !text->empty()) {
      try {
        size_t used = 0;
        body[name] = std::stod(*text, &used);
        if (used != text->size()) body[name] = *text;
      } catch (const std::exception&) {
        body[name] = *text;  // reported as "Must be a number."
      }
    }
  }
  return QueueInputFrom(body);
}

// The list arguments every WFM list shares: q, sort, cursor; `filter` adds the list's own filters.
Result<ListArgs> ListArgsFrom(const http::Request& request, const std::vector<std::string>& sorts, api::Sort fallback) {
  ListArgs args;
  args.q = request.Query("q");
  const auto sort = TRY(api::ParseSort(request, sorts, fallback));
  args.sort = sort.column;
  args.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  args.limit = page.limit;
  args.after_key = page.after_key;
  args.after_id = page.after_id;
  return args;
}

template <class T>
nlohmann::json PageJson(const Page<T>& page, int limit, const std::function<nlohmann::json(const T&)>& to_json,
                        const std::function<int64_t(const T&)>& id_of) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  nlohmann::json next;
  if (static_cast<int>(page.items.size()) == limit) next = api::MakeCursor(page.sort_keys.back(), id_of(page.items.back()));
  return {{"items", items}, {"next_cursor", next}, {"total", page.total}};
}

// Every row the list's filters select, page after page, as an export table.
template <class T>
Result<io::Table> ExportRows(ListArgs args, const std::function<Result<Page<T>>(const ListArgs&)>& list,
                             io::Table table, const std::function<std::vector<std::string>(const T&)>& row,
                             const std::function<int64_t(const T&)>& id_of) {
  args.limit = 500;
  args.after_key.reset();
  args.after_id.reset();
  for (;;) {
    const Page<T> page = TRY(list(args));
    for (const auto& item : page.items) table.rows.push_back(row(item));
    if (static_cast<int>(page.items.size()) < args.limit) break;
    args.after_key = page.sort_keys.back();
    args.after_id = id_of(page.items.back());
  }
  return table;
}

Response Download(const io::Table& table, const std::string& format, const std::string& stem) {
  if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, stem + ".csv");
  auto bytes = io::ToXlsx(table);
  if (!bytes.ok()) return Response::Problem(bytes.error());
  return Response::Download(std::move(bytes).value(), io::kXlsxType, stem + ".xlsx");
}

// One WFM list: GET <path> (a page) and GET <path>/export.{csv,xlsx} (every row).
template <class T>
struct ListRoute {
  std::string path;
  std::string what;  // "queues"
  nlohmann::json item_schema;
  std::vector<std::string> sorts;
  api::Sort fallback;
  std::vector<std::string> filters;  // query parameter names beyond q, sort, limit, cursor
  std::function<Result<ListArgs>(const http::Request&, ListArgs)> filter;
  std::function<Result<Page<T>>(const ListArgs&)> list;
  std::function<nlohmann::json(const T&)> to_json;
  io::Table header;
  std::function<std::vector<std::string>(const T&)> row;
  std::function<int64_t(const T&)> id_of;
};

template <class T>
void AddList(http::Router& router, ListRoute<T> spec) {
  auto route = std::make_shared<ListRoute<T>>(std::move(spec));
  auto args_from = [route](const http::Request& request) -> Result<ListArgs> {
    return route->filter(request, TRY(ListArgsFrom(request, route->sorts, route->fallback)));
  };
  std::vector<std::string> params = route->filters;
  params.insert(params.end(), {"q", "sort", "limit", "cursor"});
  router.Add(
      "GET", route->path,
      [route, args_from](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const ListArgs args = TRY(args_from(ctx.request));
          return Response::Json(PageJson<T>(TRY(route->list(args)), args.limit, route->to_json, route->id_of));
        });
      },
      {"List WFM " + route->what + " (search, filter, sort, cursor pages)", "wfm", true, nullptr,
       api::ListSchema(route->item_schema), params});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", route->path + "/export." + format,
        [route, args_from, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
            const io::Table table =
                TRY(ExportRows<T>(TRY(args_from(ctx.request)), route->list, route->header, route->row, route->id_of));
            return Download(table, format, "wfm-" + route->what);
          });
        },
        {"Export the listed WFM " + route->what + " as " + format, "wfm", true, nullptr, nullptr, params});
  }
}

Result<ListArgs> WithId(const http::Request& request, ListArgs args, const std::string& param, const std::string& column) {
  if (auto id = TRY(api::QueryId(request, param))) args.where.emplace_back(column + " = ?", *id);
  return args;
}

std::string Num(double x) { return fmt::format("{}", x); }

nlohmann::json PlanJson(const StaffingPlan& plan) {
  nlohmann::json intervals = nlohmann::json::array();
  for (const auto& p : plan.intervals) {
    const StaffingResult& r = p.row.required;
    intervals.push_back({{"day", p.day},
                         {"start", Hhmm(p.start_min)},
                         {"contacts", p.contacts},
                         {"actual", p.actual ? nlohmann::json(*p.actual) : nlohmann::json(nullptr)},
                         {"aht_s", p.aht_s},
                         {"agents", r.agents},
                         {"positions", r.positions},
                         {"service_level", r.service_level},
                         {"asa_s", std::isfinite(r.asa_s) ? nlohmann::json(r.asa_s) : nlohmann::json(nullptr)},
                         {"occupancy", r.occupancy},
                         {"p_abandon", r.p_abandon},
                         {"scheduled", p.row.scheduled},
                         {"gap", p.row.gap}});
  }
  const StaffingTargets& t = plan.targets;
  return {{"forecast_id", plan.forecast.id},
          {"queue", ToJson(plan.queue)},
          {"targets",
           {{"target_sl", t.target_sl}, {"target_s", t.target_s}, {"max_occupancy", t.max_occupancy},
            {"shrinkage", t.shrinkage},
            {"patience_s", t.patience_s ? nlohmann::json(*t.patience_s) : nlohmann::json(nullptr)},
            {"max_abandonment", t.max_abandonment}}},
          {"interval_min", plan.forecast.interval_min},
          {"summary", plan.Summary()},
          {"intervals", intervals}};
}

Result<std::vector<ScheduleEntry>> EntriesFrom(const nlohmann::json& body) {
  api::Fields f(body);
  std::vector<ScheduleEntry> out;
  const nlohmann::json* list = f.Raw("entries");
  if (!list || !list->is_array()) {
    f.Fail("entries", "field.type", "Give a list of {date, start, scheduled}.");
  } else {
    for (size_t i = 0; i < list->size(); ++i) {
      const auto& e = (*list)[i];
      const std::string at = "entries/" + std::to_string(i);
      if (!e.is_object() || !e.value("date", nlohmann::json()).is_string() ||
          !e.value("start", nlohmann::json()).is_string() || !e.value("scheduled", nlohmann::json()).is_number_integer()) {
        f.Fail(at, "field.type", "Each entry is {date: \"YYYY-MM-DD\", start: \"HH:MM\", scheduled: integer}.");
        continue;
      }
      const std::string start = e["start"];
      int minutes = -1;
      if (start.size() == 5 && start[2] == ':' && std::isdigit(start[0]) && std::isdigit(start[1]) &&
          std::isdigit(start[3]) && std::isdigit(start[4])) {
        minutes = std::stoi(start.substr(0, 2)) * 60 + std::stoi(start.substr(3));
      }
      out.push_back({e["date"].get<std::string>(), minutes, e["scheduled"].get<int>()});
    }
  }
  TRY(f.Finish("The schedule"));
  return out;
}

}  // namespace

void InstallRoutes(http::Router& router, WfmService& service) {
  WfmService* s = &service;
  AddList<Queue>(router,
                 {"/api/v1/wfm/queues", "queues", kQueueRef, {"name", "key", "updated_at"}, {"name", false}, {},
                  [](const http::Request&, ListArgs args) -> Result<ListArgs> { return args; },
                  [s](const ListArgs& a) { return s->ListQueues(a); }, [](const Queue& q) { return ToJson(q); },
                  io::Table{"Queues",
                            {"id", "key", "name", "time_zone", "interval_min", "target_sl", "target_s", "max_occupancy",
                             "shrinkage", "patience_s", "contacts", "updated_at"},
                            {}},
                  [](const Queue& q) {
                    return std::vector<std::string>{std::to_string(q.id), q.key, q.name, q.time_zone,
                                                    std::to_string(q.interval_min), Num(q.target_sl), Num(q.target_s),
                                                    Num(q.max_occupancy), Num(q.shrinkage),
                                                    q.patience_s ? Num(*q.patience_s) : "", std::to_string(q.contacts),
                                                    q.updated_at};
                  },
                  [](const Queue& q) { return q.id; }});

  AddList<StoredContact>(
      router,
      {"/api/v1/wfm/contacts", "contacts", kContactRef, {"arrived_at", "handle_s", "wait_s", "call_id"},
       {"arrived_at", true}, {"queue_id", "outcome", "from", "to"},
       [](const http::Request& request, ListArgs args) -> Result<ListArgs> {
         args = TRY(WithId(request, args, "queue_id", "c.queue_id"));
         if (auto outcome = TRY(api::QueryChoice(request, "outcome", {"answered", "abandoned"}))) {
           args.where.emplace_back("c.answered = ?", int64_t{*outcome == "answered" ? 1 : 0});
         }
         // from/to are dates or instants, compared as the stored ISO text sorts.
         if (auto from = request.Query("from"); from && !from->empty()) args.where.emplace_back("c.arrived_at >= ?", *from);
         if (auto to = request.Query("to"); to && !to->empty()) args.where.emplace_back("c.arrived_at < ?", *to);
         return args;
       },
       [s](const ListArgs& a) { return s->ListContacts(a); }, [](const StoredContact& c) { return ToJson(c); },
       io::Table{"Contacts", {"id", "queue", "call_id", "arrived_at", "outcome", "handle_s", "wait_s"}, {}},
       [](const StoredContact& c) {
         return std::vector<std::string>{std::to_string(c.id), c.queue_key, c.call_id, c.arrived_at,
                                         c.answered ? "answered" : "abandoned", std::to_string(c.handle_s),
                                         std::to_string(c.wait_s)};
       },
       [](const StoredContact& c) { return c.id; }});

  AddList<ForecastRun>(
      router,
      {"/api/v1/wfm/forecasts", "forecasts", kForecastRef, {"created_at", "queue", "state"}, {"created_at", true},
       {"queue_id", "state"},
       [](const http::Request& request, ListArgs args) -> Result<ListArgs> {
         args = TRY(WithId(request, args, "queue_id", "f.queue_id"));
         if (auto state = TRY(api::QueryChoice(request, "state", {"queued", "running", "succeeded", "failed"}))) {
           args.where.emplace_back("f.state = ?", *state);
         }
         return args;
       },
       [s](const ListArgs& a) { return s->ListForecasts(a); },
       [](const ForecastRun& f) { return ToJson(f, false); },
       io::Table{"Forecasts",
                 {"id", "queue", "state", "history_from", "history_to", "forecast_from", "horizon_days",
                  "holdout_days", "interval_mape", "interval_wape", "daily_mape", "daily_wape", "created_at"},
                 {}},
       [](const ForecastRun& f) {
         auto metric = [&](const char* level, const char* name) {
           const auto& v = f.accuracy.value(level, nlohmann::json::object()).value(name, nlohmann::json());
           return v.is_number() ? fmt::format("{:.2f}", v.get<double>()) : std::string();
         };
         return std::vector<std::string>{std::to_string(f.id), f.queue_key, f.state, f.history_from, f.history_to,
                                         f.forecast_from, std::to_string(f.horizon_days),
                                         std::to_string(f.holdout_days), metric("interval", "mape"),
                                         metric("interval", "wape"), metric("daily", "mape"), metric("daily", "wape"),
                                         f.created_at};
       },
       [](const ForecastRun& f) { return f.id; }});

  router.Add(
      "POST", "/api/v1/wfm/queues",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const QueueInput input = TRY(QueueInputFrom(TRY(api::JsonBody(ctx.request))));
          const Queue queue = TRY(s->CreateQueue(caller, input, ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(queue), 201), queue.version);
        });
      },
      {"Create a WFM queue", "wfm", true, kQueueInputRef, kQueueRef, {}, 201});

  router.Add(
      "GET", "/api/v1/wfm/queues/{id}",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const Queue queue = TRY(s->GetQueue(TRY(api::PathId(ctx))));
          return api::WithETag(Response::Json(ToJson(queue)), queue.version);
        });
      },
      {"One WFM queue (ETag for If-Match)", "wfm", true, nullptr, kQueueRef});

  router.Add(
      "PATCH", "/api/v1/wfm/queues/{id}",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const QueueInput input = TRY(QueueInputFrom(TRY(api::JsonBody(ctx.request))));
          const Queue queue = TRY(s->UpdateQueue(caller, id, version, input, ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(queue)), queue.version);
        });
      },
      {"Change a queue's name, time zone, interval or staffing targets (If-Match required)", "wfm", true,
       kQueueInputRef, kQueueRef});

  router.Add(
      "GET", "/api/v1/wfm/queues/{id}/history",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const Queue queue = TRY(s->GetQueue(TRY(api::PathId(ctx))));
          const Date from = TRY(Date::Parse(ctx.request.Query("from").value_or("")));
          const int days = std::atoi(ctx.request.Query("days").value_or("7").c_str());
          const int minutes = std::atoi(ctx.request.Query("interval_min").value_or(std::to_string(queue.interval_min)).c_str());
          if (days < 1 || days > 366) return Error::BadRequest("request.bad_days", "days must be 1 to 366.");
          const IntervalVolumes v = TRY(s->History(queue, from, days, minutes));
          return Response::Json({{"queue_id", queue.id}, {"first_day", from.ToString()}, {"interval_min", minutes},
                                 {"contacts", v.contacts}, {"aht_s", v.aht_s}});
        });
      },
      {"Contacts and mean handle time per local interval (15/30/60 min) over days from a date", "wfm", true, nullptr,
       {{"type", "object"},
        {"properties",
         {{"queue_id", {{"type", "integer"}}}, {"first_day", {{"type", "string"}, {"format", "date"}}},
          {"interval_min", {{"type", "integer"}}},
          {"contacts", {{"type", "array"}, {"items", {{"type", "number"}}}}},
          {"aht_s", {{"type", "array"}, {"items", {{"type", "number"}}}}}}}},
       {"from", "days", "interval_min"}});

  router.Add(
      "GET", "/api/v1/wfm/queues/{id}/schedule",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const auto entries = TRY(s->Schedule(id, ctx.request.Query("from").value_or("0000-01-01"),
                                               ctx.request.Query("to").value_or("9999-12-31")));
          nlohmann::json items = nlohmann::json::array();
          for (const auto& e : entries) items.push_back({{"date", e.day}, {"start", Hhmm(e.start_min)}, {"scheduled", e.scheduled}});
          return Response::Json({{"items", items}});
        });
      },
      {"Positions scheduled per interval of a queue (from/to: local dates)", "wfm", true, nullptr,
       {{"$ref", "#/components/schemas/WfmSchedule"}}, {"from", "to"}});

  router.Add(
      "PUT", "/api/v1/wfm/queues/{id}/schedule",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const auto entries = TRY(EntriesFrom(TRY(api::JsonBody(ctx.request))));
          const int64_t changed = TRY(s->SetSchedule(caller, id, entries, ctx.request.request_id));
          return Response::Json({{"changed", changed}});
        });
      },
      {"Set positions scheduled for intervals of a queue (entries not named are kept)", "wfm", true,
       {{"$ref", "#/components/schemas/WfmSchedule"}},
       {{"type", "object"}, {"properties", {{"changed", {{"type", "integer"}}}}}}});

  router.Add(
      "POST", "/api/v1/wfm/schedule/import",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string name = ctx.request.Query("file_name").value_or("schedule.csv");
          const ImportReport report = TRY(s->ImportSchedule(caller, ctx.request.body, name, ctx.request.request_id));
          return Response::Json(report.ToJson());
        });
      },
      {"Import scheduled positions from CSV: queue, date, start (HH:MM local), scheduled (all or nothing)", "wfm",
       true, kCsvBody, kImportRef, {"file_name"}});

  router.Add(
      "POST", "/api/v1/wfm/shifts/import",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string name = ctx.request.Query("file_name").value_or("roster.csv");
          return Response::Json(TRY(s->ImportShifts(caller, ctx.request.body, name, ctx.request.request_id)).ToJson());
        });
      },
      {"Import agents' shifts from CSV: agent, queue, date, start, end (HH:MM local; an end at or before the start "
       "runs past midnight). Each queue and date in the file gets exactly its rows; days with shifts count them "
       "as scheduled",
       "wfm", true, kCsvBody, kImportRef, {"file_name"}});

  router.Add(
      "GET", "/api/v1/wfm/queues/{id}/shifts",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const auto shifts = TRY(s->Shifts(TRY(api::PathId(ctx)), ctx.request.Query("from").value_or("0000-01-01"),
                                            ctx.request.Query("to").value_or("9999-12-31")));
          nlohmann::json items = nlohmann::json::array();
          for (const auto& x : shifts)
            items.push_back({{"agent", x.agent}, {"date", x.day}, {"start", Hhmm(x.start_min)},
                             {"end", Hhmm(x.end_min % 1440)}, {"overnight", x.end_min > 1440}});
          return Response::Json({{"items", items}});
        });
      },
      {"Agents' shifts on a queue starting on local days from..to", "wfm", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}},
       {"from", "to"}});

  router.Add(
      "POST", "/api/v1/wfm/contacts/import",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string name = ctx.request.Query("file_name").value_or("calls.csv");
          if (ctx.request.Query("dry_run").value_or("false") == "true") {
            return Response::Json(
                TRY(s->ImportCallDetail(caller.Actor(ctx.request.request_id), ctx.request.body, name, true)).ToJson());
          }
          const jobs::Job job = TRY(s->StartImport(caller, ctx.request.body, name, ctx.request.request_id));
          return Response::Json(job.ToJson(), 202);
        });
      },
      {"Import call-detail records from CSV (checked now; saved by a background job, all or nothing; "
       "dry_run=true checks only)",
       "wfm", true, kCsvBody, kJobRef, {"file_name", "dry_run"}, 202});

  router.Add(
      "POST", "/api/v1/wfm/queues/{id}/forecasts",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmPlan, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          ForecastInput input;
          if (auto v = f.Int("holdout_days")) input.holdout_days = static_cast<int>(*v);
          if (auto v = f.Int("horizon_days")) input.horizon_days = static_cast<int>(*v);
          if (auto v = f.Int("history_days")) input.history_days = static_cast<int>(*v);
          if (auto v = f.String("history_to", 10); v && !v->empty()) {
            if (auto day = Date::Parse(*v)) input.history_to = *day;
            else f.Fail("history_to", "date.invalid", "Write the last day of history as YYYY-MM-DD.");
          }
          TRY(f.Finish("The forecast"));
          const ForecastRun run = TRY(s->StartForecast(caller, id, input, ctx.request.request_id));
          return Response::Json(ToJson(run, false), 202);
        });
      },
      {"Forecast a queue (a background job: Holt-Winters, weekly and intraday seasonality, back-tested)", "wfm",
       true,
       {{"type", "object"},
        {"properties",
         {{"holdout_days", {{"type", "integer"}}}, {"horizon_days", {{"type", "integer"}}},
          {"history_days", {{"type", "integer"}}},
          {"history_to", {{"type", "string"}, {"format", "date"}, {"description", "last day of history"}}}}}},
       kForecastRef, {}, 202});

  router.Add(
      "GET", "/api/v1/wfm/forecasts/{id}",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          return Response::Json(ToJson(TRY(s->GetForecast(TRY(api::PathId(ctx)))), true));
        });
      },
      {"One forecast run with its series (forecast, back-test actual vs forecast) and accuracy", "wfm", true, nullptr,
       kForecastRef});

  router.Add(
      "GET", "/api/v1/wfm/forecasts/{id}/staffing",
      [s](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          return Response::Json(PlanJson(TRY(s->Plan(id, TRY(TargetsFrom(ctx.request))))));
        });
      },
      {"Required agents and positions per forecast interval (Erlang C, or A with patience) beside the schedule, "
       "with gaps; targets default to the queue's",
       "wfm", true, nullptr, kPlanRef, kTargetParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/wfm/forecasts/{id}/staffing." + format,
        [s, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
            const int64_t id = TRY(api::PathId(ctx));
            const StaffingPlan plan = TRY(s->Plan(id, TRY(TargetsFrom(ctx.request))));
            return Download(WfmService::PlanTable(plan), format, "staffing-plan-" + std::to_string(id));
          });
        },
        {"Export a staffing plan as " + format, "wfm", true, nullptr, nullptr, kTargetParams});
  }

  router.Add(
      "POST", "/api/v1/wfm/staffing",
      [](Context& ctx) {
        return api::Guarded(ctx, Permission::kWfmRead, [&](const auth::Principal&) -> Result<Response> {
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          StaffingRequest r;
          r.contacts = Number(f.Raw("contacts"), "contacts", f).value_or(-1);
          r.interval_s = Number(f.Raw("interval_min"), "interval_min", f).value_or(30) * 60;
          r.aht_s = Number(f.Raw("aht_s"), "aht_s", f).value_or(0);
          r.target_sl = Number(f.Raw("target_sl"), "target_sl", f).value_or(0.8);
          r.target_s = Number(f.Raw("target_s"), "target_s", f).value_or(20);
          r.shrinkage = Number(f.Raw("shrinkage"), "shrinkage", f).value_or(0);
          r.max_occupancy = Number(f.Raw("max_occupancy"), "max_occupancy", f).value_or(1);
          r.patience_s = Number(f.Raw("patience_s"), "patience_s", f);
          r.max_abandonment = Number(f.Raw("max_abandonment"), "max_abandonment", f).value_or(1);
          TRY(f.Finish("The staffing request"));
          const StaffingResult result = TRY(Staff(r));
          return Response::Json({{"model", ModelName(result.model)},
                                 {"agents", result.agents},
                                 {"positions", result.positions},
                                 {"traffic", result.traffic},
                                 {"service_level", result.service_level},
                                 {"p_wait", result.p_wait},
                                 {"asa_s", std::isfinite(result.asa_s) ? nlohmann::json(result.asa_s) : nlohmann::json()},
                                 {"occupancy", result.occupancy},
                                 {"p_abandon", result.p_abandon}});
        });
      },
      {"Staffing calculator for one interval (the inputs of `concord wfm staffing`)", "wfm", true,
       {{"$ref", "#/components/schemas/WfmStaffingRequest"}}, {{"$ref", "#/components/schemas/WfmStaffingResult"}}});
}

}  // namespace concord::wfm
