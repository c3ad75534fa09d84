// Agency lists that export in the background. A list route registers its exporter in the catalog (routes_common.h
// AddList with `background` set); POST <list>/export-jobs enqueues an "agency.export" job that runs it under the
// requester's own scope, reporting rows done / total, and attaches the CSV or XLSX to the job.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "agency/store.h"
#include "auth/principal.h"
#include "io/table.h"
#include "jobs/jobs.h"

namespace concord::agency {

struct ExportCatalog {
  store::Database* db = nullptr;  // where export jobs are enqueued
  // Every row the query matches, as a table; reports progress when given one.
  using Exporter = std::function<Result<io::Table>(const auth::Principal&, ListQuery, jobs::Progress*)>;
  std::map<std::string, Exporter> lists;  // by list name, e.g. "expenses"
};

inline constexpr char kExportJob[] = "agency.export";

// The job's payload: the list, the format, the query and who asked (their scope is applied when it runs).
nlohmann::json ExportPayload(const std::string& list, const std::string& format, const ListQuery& query,
                             const auth::Principal& caller);
void RegisterExportJob(jobs::Registry& registry, const ExportCatalog& catalog);

}  // namespace concord::agency
