// The outbox over HTTP, for internal users: what concord sent, to whom, about what, and whether it
// arrived at the relay; a held or failed message can be sent again.
#pragma once

#include "server/router.h"
#include "store/db.h"

namespace concord::mail {

void InstallRoutes(http::Router& router, store::Database& db);

}  // namespace concord::mail
