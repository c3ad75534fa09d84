// HTTP routes of client accounts under /api/v1/clients, plus /api/v1/industries and the export job.
#pragma once

#include "clients/service.h"
#include "server/router.h"

namespace concord::clients {

void InstallRoutes(http::Router& router, ClientService& service, store::Database& db);

}  // namespace concord::clients
