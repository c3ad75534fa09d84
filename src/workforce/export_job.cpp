#include "workforce/export_job.h"

#include <algorithm>

#include "audit/audit.h"
#include "workforce/comms_records.h"

namespace concord::workforce {
namespace {

const TableMap* FindTable(const std::string& table) {
  for (const TableMap* map : {&ProgrammeTable(), &WorkerTable(), &PsrTable(), &AssignmentTable(), &DocumentTable(),
                              &DeterminationTable(), &TimelineTable(), &TaskTable(), &TimecardTable(), &ExpenseTable(),
                              &PayrollTicketTable()}) {
    if (map->table == table) return map;
  }
  return nullptr;
}

json PrincipalJson(const auth::Principal& p) {
  return {{"user_id", p.user_id},
          {"name", p.name},
          {"role", std::string(auth::RoleName(p.role))},
          {"client_ids", p.client_ids},
          {"worker_id", p.worker_id ? json(*p.worker_id) : json(nullptr)}};
}

Result<auth::Principal> PrincipalFrom(const json& j) {
  const auto role = auth::ParseRole(j.value("role", ""));
  if (!role) return Error::Invalid("export.bad_caller", "The export's caller has no known role.");
  auth::Principal p{.user_id = j.value("user_id", int64_t{0}), .name = j.value("name", ""), .role = *role};
  p.client_ids = j.value("client_ids", std::vector<int64_t>{});
  if (j.contains("worker_id") && j["worker_id"].is_number_integer()) p.worker_id = j["worker_id"].get<int64_t>();
  return p;
}

}  // namespace

io::Table ToTable(const std::string& title, const std::vector<std::string>& columns, const std::vector<json>& rows) {
  io::Table table{title, columns, {}};
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& column : columns) {
      const auto it = row.find(column);
      if (it == row.end() || it->is_null()) cells.emplace_back();
      else if (it->is_string()) cells.push_back(it->get<std::string>());
      else if (it->is_boolean()) cells.push_back(it->get<bool>() ? "yes" : "no");
      else if (it->is_array() && std::all_of(it->begin(), it->end(), [](const json& e) { return e.is_string(); })) {
        std::string joined;
        for (const auto& e : *it) joined += (joined.empty() ? "" : "; ") + e.get<std::string>();
        cells.push_back(joined);
      } else cells.push_back(it->dump());
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

json ExportPayload(const auth::Principal& caller, const TableMap& map, const std::string& title,
                   const std::vector<std::string>& columns, const std::string& file_stem, const ListRequest& request) {
  return {{"table", map.table},
          {"title", title},
          {"columns", columns},
          {"file", file_stem + ".xlsx"},
          {"request",
           {{"q", request.q ? json(*request.q) : json(nullptr)},
            {"equals", request.equals},
            {"sort", request.sort},
            {"descending", request.descending}}},
          {"caller", PrincipalJson(caller)}};
}

Result<json> WorkforceService::EnqueueExport(const auth::Principal& caller, const json& payload,
                                            const std::string& request_id) {
  // A client user of one client owns the job as that tenant (jobs' scoped reads), as clients' export does.
  const std::optional<int64_t> tenant = caller.role == auth::Role::kClientUser && caller.client_ids.size() == 1
                                            ? std::optional<int64_t>(caller.client_ids.front())
                                            : std::nullopt;
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const int64_t id = TRY(jobs::Enqueue(c, {kExportJob, payload, caller.user_id, tenant}));
    TRY(audit::Append(c, caller.Actor(request_id), {"job", std::to_string(id), tenant, "enqueue", nullptr, payload}));
    return TRY(jobs::Get(c, id)).ToJson();
  });
}

void RegisterExportJob(jobs::Registry& registry, WorkforceService& service) {
  registry.Register(kExportJob, [&service](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    const json& p = job.payload;
    const TableMap* map = FindTable(p.value("table", ""));
    if (!map) return Error::Invalid("export.bad_table", "No workforce list '" + p.value("table", "") + "'.");
    const auth::Principal caller = TRY(PrincipalFrom(p["caller"]));
    const json& r = p["request"];
    ListRequest request;
    if (r["q"].is_string()) request.q = r["q"].get<std::string>();
    request.equals = r["equals"].get<std::vector<std::pair<std::string, std::string>>>();
    request.sort = r.value("sort", "id");
    request.descending = r.value("descending", false);
    request.limit = 500;
    // Page by page in the caller's scope, so the bar moves as rows are read.
    std::vector<json> rows;
    for (;;) {
      const RecordPage page = TRY(service.List(caller, *map, request));
      rows.insert(rows.end(), page.items.begin(), page.items.end());
      progress.Update(static_cast<int64_t>(rows.size()), page.total, "read " + std::to_string(rows.size()) + " rows");
      if (static_cast<int>(page.items.size()) < request.limit) break;
      request.after_key = page.sort_keys.back();
      request.after_id = page.items.back()["id"].get<int64_t>();
    }
    const io::Table table = ToTable(p.value("title", "export"), p["columns"].get<std::vector<std::string>>(), rows);
    std::string bytes = TRY(io::ToXlsx(table));
    return jobs::Outcome{{{"rows", rows.size()}},
                         jobs::File{0, p.value("file", "export.xlsx"), io::kXlsxType, std::move(bytes), {}, {}}};
  });
}

}  // namespace concord::workforce
