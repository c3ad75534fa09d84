// REST routes of workforce management under /api/v1/wfm (internal roles only).
#pragma once

#include "server/router.h"
#include "wfm/service.h"

namespace concord::wfm {

void InstallRoutes(http::Router& router, WfmService& service);

}  // namespace concord::wfm
