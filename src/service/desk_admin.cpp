// The service desk's configuration use cases: calendars, SLA policies, queues, macros. Each save
// validates the record, writes it (If-Match version on update) and appends the audit event.
#include "service/case_write.h"
#include "service/desk.h"

namespace concord::service {
namespace {

Error Invalid(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

// Create (id absent) or update one record: Insert/Update/Load are the store functions of its kind.
template <class Record, class Insert, class Update, class Load>
Result<Record> Save(store::Database& db, const auth::Principal& caller, const std::string& entity,
                    std::optional<int64_t> id, std::optional<int64_t> expected_version, Record record,
                    const std::string& request_id, Insert insert, Update update, Load load) {
  return db.Transact<Record>([&](store::Connection& conn) -> Result<Record> {
    nlohmann::json before;
    if (id) {
      const Record old = TRY(load(conn, *id));
      before = ToJson(old);
      record.id = *id;
      TRY(update(conn, record, expected_version.value_or(0)));
    } else {
      record.id = TRY(insert(conn, record));
    }
    Record saved = TRY(load(conn, record.id));
    TRY(audit::Append(conn, caller.Actor(request_id),
                      {entity, std::to_string(saved.id), std::nullopt, id ? "update" : "create", before, ToJson(saved)}));
    return saved;
  });
}

template <class F>
auto WithConnection(store::Database& db, F f) -> decltype(f(std::declval<store::Connection&>())) {
  auto conn = TRY(db.Acquire());
  return f(*conn);
}

}  // namespace

Result<std::vector<CalendarRecord>> ServiceDesk::Calendars() {
  return WithConnection(db_, [](store::Connection& c) { return ListCalendars(c); });
}

Result<CalendarRecord> ServiceDesk::SaveCalendar(const auth::Principal& caller, std::optional<int64_t> id,
                                                 std::optional<int64_t> expected_version, CalendarRecord record,
                                                 const std::string& request_id) {
  if (record.name.empty()) return Invalid({{"name", "field.required", "A name is required."}}, "The calendar");
  if (Status s = record.calendar.Validate(); !s.ok()) return s.error();
  return Save(db_, caller, "service_calendar", id, expected_version, std::move(record), request_id, InsertCalendar,
              UpdateCalendar, LoadCalendar);
}

Result<std::vector<PolicyRecord>> ServiceDesk::Policies() {
  return WithConnection(db_, [](store::Connection& c) { return ListPolicies(c); });
}

Result<PolicyRecord> ServiceDesk::GetPolicy(int64_t id) {
  return WithConnection(db_, [id](store::Connection& c) { return LoadPolicy(c, id); });
}

Result<PolicyRecord> ServiceDesk::SavePolicy(const auth::Principal& caller, std::optional<int64_t> id,
                                             std::optional<int64_t> expected_version, PolicyRecord record,
                                             const std::string& request_id) {
  {
    auto conn = TRY(db_.Acquire());
    auto calendar = LoadCalendar(*conn, record.calendar_id);
    if (!calendar.ok())
      return Invalid({{"calendar_id", "calendar.not_found", "No calendar has this id."}}, "The SLA policy");
    TRY(ToSlaPolicy(record, calendar->calendar));  // the rules' own validation
  }
  return Save(db_, caller, "sla_policy", id, expected_version, std::move(record), request_id, InsertPolicy,
              UpdatePolicy, LoadPolicy);
}

Result<std::vector<Queue>> ServiceDesk::Queues() {
  return WithConnection(db_, [](store::Connection& c) { return ListQueues(c); });
}

Result<Queue> ServiceDesk::GetQueue(int64_t id) {
  return WithConnection(db_, [id](store::Connection& c) { return LoadQueue(c, id); });
}

Result<Queue> ServiceDesk::SaveQueue(const auth::Principal& caller, std::optional<int64_t> id,
                                     std::optional<int64_t> expected_version, Queue record,
                                     const std::string& request_id) {
  for (char& ch : record.inbound_address) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return Save(db_, caller, "service_queue", id, expected_version, std::move(record), request_id, InsertQueue,
              UpdateQueue, LoadQueue);
}

Result<std::vector<Macro>> ServiceDesk::Macros() {
  return WithConnection(db_, [](store::Connection& c) { return ListMacros(c); });
}

Result<Macro> ServiceDesk::SaveMacro(const auth::Principal& caller, std::optional<int64_t> id,
                                     std::optional<int64_t> expected_version, Macro record,
                                     const std::string& request_id) {
  TRY(FillMacro(record.body, Case{}, ""));  // refuses unknown placeholders
  return Save(db_, caller, "service_macro", id, expected_version, std::move(record), request_id, InsertMacro,
              UpdateMacro, LoadMacro);
}

}  // namespace concord::service
