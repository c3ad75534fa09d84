#include "agency/exports.h"

namespace concord::agency {
namespace {

ListQuery QueryFrom(const nlohmann::json& j) {
  ListQuery q;
  if (j.contains("q") && j["q"].is_string()) q.q = j["q"].get<std::string>();
  for (const auto& f : j.value("filters", nlohmann::json::array())) {
    q.filters.emplace_back(f.at(0).get<std::string>(), f.at(1).get<std::string>());
  }
  q.sort = j.value("sort", "");
  q.descending = j.value("descending", false);
  return q;
}

auth::Principal PrincipalFrom(const nlohmann::json& j) {
  auth::Principal p;
  p.user_id = j.value("user_id", int64_t{0});
  p.name = j.value("name", "");
  p.role = auth::ParseRole(j.value("role", "")).value_or(auth::Role::kWorker);  // unknown: the narrowest role
  p.client_ids = j.value("client_ids", std::vector<int64_t>{});
  return p;
}

}  // namespace

nlohmann::json ExportPayload(const std::string& list, const std::string& format, const ListQuery& query,
                             const auth::Principal& caller) {
  nlohmann::json filters = nlohmann::json::array();
  for (const auto& [name, value] : query.filters) filters.push_back({name, value});
  return {{"list", list},
          {"format", format},
          {"query",
           {{"q", query.q ? nlohmann::json(*query.q) : nlohmann::json()},
            {"filters", filters},
            {"sort", query.sort},
            {"descending", query.descending}}},
          {"as",
           {{"user_id", caller.user_id},
            {"name", caller.name},
            {"role", std::string(auth::RoleName(caller.role))},
            {"client_ids", caller.client_ids}}}};
}

void RegisterExportJob(jobs::Registry& registry, const ExportCatalog& catalog) {
  registry.Register(kExportJob, [&catalog](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    const std::string list = job.payload.value("list", "");
    const auto it = catalog.lists.find(list);
    if (it == catalog.lists.end()) return Error::Invalid("export.list_unknown", "No agency list " + list + ".");
    const std::string format = job.payload.value("format", "xlsx");
    const io::Table table =
        TRY(it->second(PrincipalFrom(job.payload.value("as", nlohmann::json::object())),
                       QueryFrom(job.payload.value("query", nlohmann::json::object())), &progress));
    const bool csv = format == "csv";
    std::string bytes = csv ? io::ToCsv(table) : TRY(io::ToXlsx(table));
    return jobs::Outcome{{{"rows", table.rows.size()}, {"list", list}},
                         jobs::File{0, list + (csv ? ".csv" : ".xlsx"), csv ? io::kCsvType : io::kXlsxType,
                                    std::move(bytes), job.created_by, job.client_id}};
  });
}

}  // namespace concord::agency
