// Configuration routes: queues, SLA policies, business calendars and macros. Agents read them (to
// route, pick macros); managers and admins change them (PUT with If-Match).
#include "api/api.h"
#include "service/routes.h"

namespace concord::service {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

CalendarRecord CalendarRecordFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
  CalendarRecord r;
  r.name = j.value("name", "");
  if (r.name.empty()) errors.push_back({"name", "field.required", "A name is required."});
  r.calendar = CalendarFromJson(j, errors);
  return r;
}

// One configuration kind: its path, schema name, JSON reader and the desk's list/save.
template <class Record>
struct Kind {
  std::string path;    // "/api/v1/queues"
  std::string schema;  // "Queue"
  std::string what;    // "queue"
  std::function<Record(const nlohmann::json&, std::vector<FieldError>&)> from_json;
  std::function<Result<std::vector<Record>>()> list;
  std::function<Result<Record>(const auth::Principal&, std::optional<int64_t>, std::optional<int64_t>, Record,
                               const std::string&)>
      save;
};

template <class Record>
Result<Record> RecordFrom(const Kind<Record>& kind, const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  if (!body.is_object()) return Error::BadRequest("request.bad_json", "The body must be a JSON object.");
  std::vector<FieldError> errors;
  Record record = kind.from_json(body, errors);
  if (!errors.empty())
    return Error::Invalid("request.invalid", "The " + kind.what + " has errors; see the fields.", std::move(errors));
  return record;
}

template <class Record>
void Install(http::Router& router, const Kind<Record>& kind) {
  const nlohmann::json ref = {{"$ref", "#/components/schemas/" + kind.schema}};
  router.Add(
      "GET", kind.path,
      [kind](Context& ctx) {
        return api::Guarded(ctx, Permission::kCasesWork, [&](const auth::Principal&) -> Result<Response> {
          nlohmann::json items = nlohmann::json::array();
          for (const Record& r : TRY(kind.list())) items.push_back(ToJson(r));
          return Response::Json({{"items", items}});
        });
      },
      {"List " + kind.what + "s", "service", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", ref}}}}}}});
  router.Add(
      "POST", kind.path,
      [kind](Context& ctx) {
        return api::Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal& caller) -> Result<Response> {
          const Record saved =
              TRY(kind.save(caller, std::nullopt, std::nullopt, TRY(RecordFrom(kind, ctx.request)), ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(saved), 201), saved.version);
        });
      },
      {"Create a " + kind.what, "service", true, ref, ref, {}, 201});
  router.Add(
      "PUT", kind.path + "/{id}",
      [kind](Context& ctx) {
        return api::Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const Record saved = TRY(kind.save(caller, id, version, TRY(RecordFrom(kind, ctx.request)), ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(saved)), saved.version);
        });
      },
      {"Replace a " + kind.what + " (If-Match required)", "service", true, ref, ref});
}

}  // namespace

void InstallConfigRoutes(http::Router& router, ServiceDesk& desk) {
  using namespace std::placeholders;
  Install<Queue>(router, {"/api/v1/queues", "Queue", "queue", QueueFromJson, [&desk] { return desk.Queues(); },
                          std::bind(&ServiceDesk::SaveQueue, &desk, _1, _2, _3, _4, _5)});
  Install<PolicyRecord>(router, {"/api/v1/sla-policies", "SlaPolicy", "SLA policy", PolicyFromJson,
                                 [&desk] { return desk.Policies(); },
                                 std::bind(&ServiceDesk::SavePolicy, &desk, _1, _2, _3, _4, _5)});
  Install<CalendarRecord>(router, {"/api/v1/service-calendars", "ServiceCalendar", "business calendar",
                                   CalendarRecordFromJson,
                                   [&desk] { return desk.Calendars(); },
                                   std::bind(&ServiceDesk::SaveCalendar, &desk, _1, _2, _3, _4, _5)});
  Install<Macro>(router, {"/api/v1/macros", "Macro", "macro", MacroFromJson, [&desk] { return desk.Macros(); },
                          std::bind(&ServiceDesk::SaveMacro, &desk, _1, _2, _3, _4, _5)});
}

}  // namespace concord::service
