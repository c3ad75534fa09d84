// HTTP face of auth: the middleware that authenticates every API call (session cookie with CSRF token,
// or bearer API token) and the /api/v1/auth/* and /api/v1/users routes.
#pragma once

#include "auth/accounts.h"
#include "server/router.h"

namespace concord::auth {

inline constexpr const char* kSessionCookie = "concord_session";

void InstallAuth(http::Router& router, Accounts& accounts);

}  // namespace concord::auth
