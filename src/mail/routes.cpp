#include "mail/routes.h"

#include "api/api.h"
#include "io/table.h"
#include "mail/outbox.h"

namespace concord::mail {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

const std::vector<std::string> kStatuses = {"queued", "sent", "held", "failed"};
const std::vector<std::string> kListParams = {"status", "purpose", "entity", "entity_id", "client_id", "q",
                                              "sort", "limit", "cursor"};
const nlohmann::json kOutgoingRef = {{"$ref", "#/components/schemas/OutboxMessage"}};

Result<ListQuery> ListQueryFrom(const http::Request& request) {
  ListQuery q;
  q.status = TRY(api::QueryChoice(request, "status", kStatuses));
  q.purpose = request.Query("purpose");
  q.entity = request.Query("entity");
  q.entity_id = request.Query("entity_id");
  q.q = request.Query("q");
  q.client_id = TRY(api::QueryId(request, "client_id"));
  const api::Sort sort = TRY(api::ParseSort(request, {"id", "created_at"}, {"id", true}));
  q.oldest_first = !sort.descending;  // created_at follows id
  return q;
}

// Outbox messages are internal records: anyone else is told there is no such message.
Result<Outgoing> VisibleMessage(store::Connection& conn, const Context& ctx) {
  const Error missing = Error::NotFound("mail.not_found", "No such message.");
  if (!api::Caller(ctx).Internal()) return missing;
  const int64_t id = TRY(api::PathId(ctx));
  auto found = Get(conn, id);
  if (!found.ok()) return missing;
  return found;
}

io::Table ExportTable(const std::vector<Outgoing>& messages) {
  io::Table t{"Outbox", {"id", "created_at", "status", "to", "subject", "purpose", "entity", "entity_id", "client_id",
                         "attempts", "sent_at", "last_error"}, {}};
  for (const Outgoing& o : messages) {
    std::string to;
    for (const auto& a : o.to) to += (to.empty() ? "" : ", ") + a;
    t.rows.push_back({std::to_string(o.id), o.created_at, o.status, to, o.subject, o.purpose, o.entity, o.entity_id,
                      o.client_id ? std::to_string(*o.client_id) : "", std::to_string(o.attempts), o.sent_at,
                      o.last_error});
  }
  return t;
}

}  // namespace

void InstallRoutes(http::Router& router, store::Database& db) {
  router.Add(
      "GET", "/api/v1/mail/outbox",
      [&db](Context& ctx) {
        return api::Guarded(ctx, Permission::kMailRead, [&](const auth::Principal&) -> Result<Response> {
          ListQuery query = TRY(ListQueryFrom(ctx.request));
          const api::PageRequest page = TRY(api::ParsePage(ctx.request, 200));
          query.limit = page.limit;
          query.after_id = page.after_id;
          auto conn = TRY(db.Acquire());
          const std::vector<Outgoing> messages = TRY(List(*conn, query));
          nlohmann::json items = nlohmann::json::array();
          for (const Outgoing& o : messages) items.push_back(o.ToJson());
          nlohmann::json next;
          if (static_cast<int>(messages.size()) == query.limit) next = api::MakeCursor("", messages.back().id);
          return Response::Json({{"items", items}, {"next_cursor", next}});
        });
      },
      {"The outbox, newest first (filter by status, purpose, record or client; q searches subject and recipients)",
       "mail", true, nullptr, api::ListSchema(kOutgoingRef), kListParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/mail/outbox/export." + format,
        [&db, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kMailRead, [&](const auth::Principal&) -> Result<Response> {
            ListQuery query = TRY(ListQueryFrom(ctx.request));
            query.limit = 100000;
            auto conn = TRY(db.Acquire());
            const io::Table table = ExportTable(TRY(List(*conn, query)));
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, "outbox.csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, "outbox.xlsx");
          });
        },
        {"Export the listed outbox messages as " + format, "mail", true, nullptr, nullptr, kListParams});
  }

  router.Add(
      "GET", "/api/v1/mail/outbox/{id}",
      [&db](Context& ctx) {
        auto conn = db.Acquire();
        if (!conn.ok()) return api::ProblemFor(conn.error(), ctx.request);
        auto message = VisibleMessage(**conn, ctx);
        if (!message.ok()) return api::ProblemFor(message.error(), ctx.request);
        return Response::Json(message->ToJson());
      },
      {"One outbox message with its delivery state", "mail", true, nullptr, kOutgoingRef});

  router.Add(
      "POST", "/api/v1/mail/outbox/{id}/resend",
      [&db](Context& ctx) {
        return api::Guarded(ctx, Permission::kMailSend, [&](const auth::Principal& caller) -> Result<Response> {
          const Outgoing message = TRY(db.Transact<Outgoing>([&](store::Connection& conn) -> Result<Outgoing> {
            const Outgoing found = TRY(VisibleMessage(conn, ctx));
            TRY(Resend(conn, caller.Actor(ctx.request.request_id), found.id));
            return Get(conn, found.id);
          }));
          return Response::Json(message.ToJson());
        });
      },
      {"Send a held or failed message again", "mail", true, nullptr, kOutgoingRef});

  router.Add(
      "POST", "/api/v1/mail/test",
      [&db](Context& ctx) {
        return api::Guarded(ctx, Permission::kMailSend, [&](const auth::Principal& caller) -> Result<Response> {
          const nlohmann::json body = TRY(api::JsonBody(ctx.request));
          api::Fields fields(body);
          Message m;
          const std::optional<std::string> to = fields.String("to", 320);
          if (!to) fields.Fail("to", "mail.no_recipient", "Give the address to send the test message to.");
          TRY(fields.Finish("test message"));
          m.to = {*to};
          m.subject = "concord: test message";
          m.text = "This message checks that concord's mail relay delivers. It was sent by " + caller.name + ".";
          m.purpose = "relay_test";
          m.entity = "user";
          m.entity_id = std::to_string(caller.user_id);
          m.created_by = caller.user_id;
          const Outgoing queued = TRY(db.Transact<Outgoing>([&](store::Connection& conn) -> Result<Outgoing> {
            return Get(conn, TRY(Enqueue(conn, caller.Actor(ctx.request.request_id), m)));
          }));
          return Response::Json(queued.ToJson(), 201);
        });
      },
      {"Queue a test message to check the mail relay (watch its status in the outbox)", "mail", true,
       {{"type", "object"}, {"required", {"to"}}, {"properties", {{"to", {{"type", "string"}}}}}}, kOutgoingRef, {},
       201});
}

}  // namespace concord::mail
