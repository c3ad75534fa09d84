// The audit trail over HTTP: the events newest first within the caller's scope (filters, CSV/XLSX
// export), and a background check of the whole hash chain.
#pragma once

#include "jobs/jobs.h"
#include "server/router.h"
#include "store/db.h"

namespace concord::audit {

void InstallRoutes(http::Router& router, store::Database& db);
// The chain check ("audit.verify"), with progress per page of events.
void RegisterJobs(jobs::Registry& registry, store::Database& db);

}  // namespace concord::audit
