#include "clients/routes.h"

#include "api/api.h"

namespace concord::clients {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

std::vector<Address> AddressesFrom(const nlohmann::json& list, api::Fields& fields) {
  std::vector<Address> out;
  if (!list.is_array()) {
    fields.Fail("addresses", "field.type", "Must be a list of addresses.");
    return out;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const auto& a = list[i];
    if (!a.is_object()) {
      fields.Fail("addresses/" + std::to_string(i), "field.type", "Must be an address.");
      continue;
    }
    auto text = [&](const char* key, const char* fallback) {
      auto it = a.find(key);
      return it != a.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
    };
    out.push_back({text("kind", "billing"), text("line1", ""), text("line2", ""), text("city", ""), text("region", ""),
                   text("postal_code", ""), text("country", "US")});
  }
  return out;
}

std::vector<TeamMember> TeamFrom(const nlohmann::json& list, api::Fields& fields) {
  std::vector<TeamMember> out;
  if (!list.is_array()) {
    fields.Fail("account_team", "field.type", "Must be a list of members.");
    return out;
  }
  for (const auto& m : list) {
    TeamMember member;
    if (m.is_object() && m.contains("user_id") && m["user_id"].is_number_integer()) member.user_id = m["user_id"];
    if (m.is_object() && m.contains("role") && m["role"].is_string()) member.role = m["role"];
    out.push_back(member);
  }
  return out;
}

Result<ClientInput> ClientInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  ClientInput in;
  in.external_ref = f.String("external_ref");
  in.legal_name = f.String("legal_name");
  in.dba = f.String("dba");
  in.tax_id = f.String("tax_id");
  in.industry = f.String("industry");
  in.status = f.String("status");
  in.service_notes = f.String("service_notes", 20000);
  in.processing_instructions = f.String("processing_instructions", 20000);
  if (const auto* a = f.Raw("addresses"); a && !a->is_null()) in.addresses = AddressesFrom(*a, f);
  if (const auto* t = f.Raw("account_team"); t && !t->is_null()) in.account_team = TeamFrom(*t, f);
  TRY(f.Finish("The client"));
  return in;
}

Result<ContactInput> ContactInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  ContactInput in{f.String("name"), f.String("role"), f.String("title"), f.String("email"),
                  f.String("phone"), f.String("preferred_channel"), f.Bool("is_primary")};
  TRY(f.Finish("The contact"));
  return in;
}

Result<ListQuery> ListQueryFrom(const http::Request& request) {
  ListQuery q;
  q.q = request.Query("q");
  q.status = request.Query("status");
  q.industry = request.Query("industry");
  if (q.status && q.status->empty()) q.status.reset();
  if (q.industry && q.industry->empty()) q.industry.reset();
  q.archived = request.Query("archived").value_or("false");
  if (q.archived != "false" && q.archived != "true" && q.archived != "all") {
    return Error::BadRequest("request.bad_archived", "archived must be false, true or all.");
  }
  const auto sort = TRY(api::ParseSort(request, {"legal_name", "dba", "industry", "status", "updated_at"},
                                       {"legal_name", false}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

using api::Guarded;
using api::PathId;
using api::WithETag;

const nlohmann::json kClientRef = {{"$ref", "#/components/schemas/Client"}};
const nlohmann::json kContactRef = {{"$ref", "#/components/schemas/Contact"}};
const nlohmann::json kClientInputRef = {{"$ref", "#/components/schemas/ClientInput"}};
const nlohmann::json kContactInputRef = {{"$ref", "#/components/schemas/ContactInput"}};
const std::vector<std::string> kListParams = {"q", "status", "industry", "archived", "sort", "limit", "cursor"};

}  // namespace

void InstallRoutes(http::Router& router, ClientService& service, store::Database& db) {
  router.Add(
      "GET", "/api/v1/clients",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsRead, [&](const auth::Principal& caller) -> Result<Response> {
          const ListQuery query = TRY(ListQueryFrom(ctx.request));
          const ListPage page = TRY(service.List(caller, query));
          nlohmann::json items = nlohmann::json::array();
          for (const auto& c : page.items) items.push_back(ToJson(c));
          nlohmann::json next;
          if (static_cast<int>(page.items.size()) == query.limit) {
            next = api::MakeCursor(page.sort_keys.back(), page.items.back().id);
          }
          return Response::Json({{"items", items}, {"next_cursor", next}, {"total", page.total}});
        });
      },
      {"List clients (search, filter, sort, cursor pages)", "clients", true, nullptr, api::ListSchema(kClientRef),
       kListParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/clients/export." + format,
        [&service, format](Context& ctx) {
          return Guarded(ctx, Permission::kClientsRead, [&](const auth::Principal& caller) -> Result<Response> {
            const io::Table table = TRY(service.ExportTable(caller.ClientScope(), TRY(ListQueryFrom(ctx.request))));
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, "clients.csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, "clients.xlsx");
          });
        },
        {"Export the listed clients as " + format, "clients", true, nullptr, nullptr, kListParams});
  }

  router.Add(
      "POST", "/api/v1/clients",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const Client client = TRY(service.Create(caller, TRY(ClientInputFrom(ctx.request)), ctx.request.request_id));
          Response response = WithETag(Response::Json(ToJson(client), 201), client.version);
          response.headers["Location"] = "/api/v1/clients/" + std::to_string(client.id);
          return response;
        });
      },
      {"Create a client", "clients", true, kClientInputRef, kClientRef, {}, 201});

  router.Add(
      "GET", "/api/v1/clients/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsRead, [&](const auth::Principal& caller) -> Result<Response> {
          const Client client = TRY(service.Get(caller, TRY(PathId(ctx))));
          return WithETag(Response::Json(ToJson(client)), client.version);
        });
      },
      {"One client (ETag for If-Match)", "clients", true, nullptr, kClientRef});

  router.Add(
      "PATCH", "/api/v1/clients/{id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const ClientInput input = TRY(ClientInputFrom(ctx.request));
          const Client client = TRY(service.Update(caller, id, version, input, ctx.request.request_id));
          return WithETag(Response::Json(ToJson(client)), client.version);
        });
      },
      {"Change a client (If-Match required; 412 when someone saved first)", "clients", true, kClientInputRef,
       kClientRef});

  for (const std::string action : {"archive", "restore"}) {
    router.Add(
        "POST", "/api/v1/clients/{id}/" + action,
        [&service, action](Context& ctx) {
          return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
            const int64_t id = TRY(PathId(ctx));
            const int64_t version = TRY(api::IfMatchVersion(ctx.request));
            const Client client =
                TRY(service.SetArchived(caller, id, version, action == "archive", ctx.request.request_id));
            return WithETag(Response::Json(ToJson(client)), client.version);
          });
        },
        {action == "archive" ? "Archive a client" : "Restore an archived client", "clients", true, nullptr,
         kClientRef});
  }

  router.Add(
      "GET", "/api/v1/clients/{id}/tax-id",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kTaxIdReveal, [&](const auth::Principal& caller) -> Result<Response> {
          const std::string tax_id = TRY(service.RevealTaxId(caller, TRY(PathId(ctx)), ctx.request.request_id));
          Response response = Response::Json({{"tax_id", tax_id}});
          response.headers["Cache-Control"] = "no-store";
          return response;
        });
      },
      {"Reveal a client's tax id (audited)", "clients", true, nullptr,
       {{"type", "object"}, {"properties", {{"tax_id", {{"type", "string"}}}}}}});

  router.Add(
      "GET", "/api/v1/clients/{id}/contacts",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsRead, [&](const auth::Principal& caller) -> Result<Response> {
          nlohmann::json items = nlohmann::json::array();
          for (const auto& c : TRY(service.Contacts(caller, TRY(PathId(ctx))))) items.push_back(ToJson(c));
          return Response::Json({{"items", items}});
        });
      },
      {"A client's contacts", "clients", true, nullptr, api::ListSchema(kContactRef)});

  router.Add(
      "POST", "/api/v1/clients/{id}/contacts",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const Contact contact =
              TRY(service.AddContact(caller, id, TRY(ContactInputFrom(ctx.request)), ctx.request.request_id));
          return WithETag(Response::Json(ToJson(contact), 201), contact.version);
        });
      },
      {"Add a contact", "clients", true, kContactInputRef, kContactRef, {}, 201});

  router.Add(
      "PATCH", "/api/v1/clients/{id}/contacts/{contact_id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t contact_id = TRY(PathId(ctx, "contact_id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const ContactInput input = TRY(ContactInputFrom(ctx.request));
          const Contact contact =
              TRY(service.EditContact(caller, id, contact_id, version, input, ctx.request.request_id));
          return WithETag(Response::Json(ToJson(contact)), contact.version);
        });
      },
      {"Change a contact (If-Match required)", "clients", true, kContactInputRef, kContactRef});

  router.Add(
      "DELETE", "/api/v1/clients/{id}/contacts/{contact_id}",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t contact_id = TRY(PathId(ctx, "contact_id"));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          TRY(service.RemoveContact(caller, id, contact_id, version, ctx.request.request_id));
          return Response::NoContent();
        });
      },
      {"Remove a contact (If-Match required)", "clients", true, nullptr, nullptr, {}, 204});

  router.Add(
      "POST", "/api/v1/clients/import",
      [&service](Context& ctx) {
        return Guarded(ctx, Permission::kClientsImport, [&](const auth::Principal& caller) -> Result<Response> {
          const bool dry_run = ctx.request.Query("dry_run").value_or("false") == "true";
          const std::string name = ctx.request.Query("file_name").value_or("clients.csv");
          const ImportReport report =
              TRY(service.Import(caller, ctx.request.body, name, dry_run, ctx.request.request_id));
          return Response::Json({{"created", report.created}, {"updated", report.updated},
                                 {"unchanged", report.unchanged}, {"dry_run", report.dry_run}});
        });
      },
      {"Import clients from CSV (body text/csv; all or nothing; dry_run=true validates only)", "clients", true,
       {{"type", "string"}, {"contentMediaType", "text/csv"}},
       {{"type", "object"},
        {"properties",
         {{"created", {{"type", "integer"}}}, {"updated", {{"type", "integer"}}}, {"unchanged", {{"type", "integer"}}},
          {"dry_run", {{"type", "boolean"}}}}}},
       {"dry_run", "file_name"}});

  router.Add(
      "POST", "/api/v1/exports/clients",
      [&db](Context& ctx) {
        return Guarded(ctx, Permission::kJobsRun, [&](const auth::Principal& caller) -> Result<Response> {
          nlohmann::json payload = {{"archived", ctx.request.Query("archived").value_or("false")}};
          if (auto scope = caller.ClientScope()) payload["client_ids"] = *scope;
          const std::optional<int64_t> tenant = caller.role == auth::Role::kClientUser && caller.client_ids.size() == 1
                                                    ? std::optional<int64_t>(caller.client_ids.front())
                                                    : std::nullopt;
          const jobs::Job job = TRY(db.Transact<jobs::Job>([&](store::Connection& c) -> Result<jobs::Job> {
            const int64_t id = TRY(jobs::Enqueue(c, {"clients.export_xlsx", payload, caller.user_id, tenant}));
            TRY(audit::Append(c, caller.Actor(ctx.request.request_id),
                              {"job", std::to_string(id), std::nullopt, "enqueue", nullptr, payload}));
            return jobs::Get(c, id);
          }));
          return Response::Json(job.ToJson(), 202);
        });
      },
      {"Export every client to XLSX in the background (a job with progress)", "clients", true, nullptr,
       {{"$ref", "#/components/schemas/Job"}}, {"archived"}, 202});

  router.Add(
      "GET", "/api/v1/industries",
      [](Context& ctx) {
        return Guarded(ctx, Permission::kClientsRead, [&](const auth::Principal&) -> Result<Response> {
          return Response::Json({{"items", kIndustries}});
        });
      },
      {"Industry names for pickers (NAICS sectors)", "clients", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}}});
}

}  // namespace concord::clients
