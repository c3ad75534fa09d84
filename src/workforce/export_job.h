// Workforce lists as XLSX in the background (job "workforce.export_xlsx", like clients.export_xlsx): the
// request names the table, the columns and the list request, and the caller whose scope it runs in; the
// job reads the rows page by page, reporting progress, and attaches the workbook. For lists too large to
// build while the browser waits.
#pragma once

#include <string>
#include <vector>

#include "io/table.h"
#include "jobs/jobs.h"
#include "workforce/service.h"

namespace concord::workforce {

inline constexpr const char* kExportJob = "workforce.export_xlsx";

// Rows → an export table of `columns` (texts as they are, numbers and booleans written out, lists of
// texts joined with "; ").
io::Table ToTable(const std::string& title, const std::vector<std::string>& columns, const std::vector<json>& rows);

// The job's payload: what to list, for whom.
json ExportPayload(const auth::Principal& caller, const TableMap& map, const std::string& title,
                   const std::vector<std::string>& columns, const std::string& file_stem, const ListRequest& request);

void RegisterExportJob(jobs::Registry& registry, WorkforceService& service);

}  // namespace concord::workforce
