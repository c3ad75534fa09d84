#include "auth/routes.h"

#include <sodium.h>

#include "api/api.h"

namespace concord::auth {
namespace {

using http::Context;
using http::Response;

bool SafeMethod(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

nlohmann::json UserJson(const Principal& p) {
  return {{"id", p.user_id}, {"email", p.email}, {"name", p.name}, {"role", RoleName(p.role)},
          {"client_ids", p.client_ids}, {"worker_id", p.worker_id ? nlohmann::json(*p.worker_id) : nlohmann::json()}};
}

std::string SessionCookie(const std::string& value, bool secure, long max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

// Authenticates the caller of every route whose doc says auth; checks CSRF on cookie-authenticated writes.
Response Authenticate(Accounts& accounts, Context& ctx, const http::Route& route, const http::Handler& next) {
  if (!route.doc.auth) return next(ctx);
  const auto& request = ctx.request;
  Result<Principal> principal = Error::Unauthorized("auth.unauthenticated", "Log in to continue.");
  if (auto header = request.Header("Authorization"); header && header->starts_with("Bearer ")) {
    principal = accounts.AuthenticateApiToken(header->substr(7));
  } else if (auto cookie = request.Cookie(kSessionCookie)) {
    principal = accounts.Authenticate(*cookie);
    if (principal.ok() && !SafeMethod(request.method)) {
      auto csrf = request.Header("X-CSRF-Token");
      if (!csrf || !ConstantTimeEquals(*csrf, principal->csrf_token)) {
        return api::ProblemFor(Error::Forbidden("auth.csrf", "The X-CSRF-Token header is missing or wrong. "
                                                             "Reload the page and try again."),
                               request);
      }
    }
  }
  if (!principal.ok()) return api::ProblemFor(principal.error(), request);
  ctx.principal = std::make_shared<Principal>(std::move(principal).value());
  return next(ctx);
}

}  // namespace

void InstallAuth(http::Router& router, Accounts& accounts) {
  router.Use([&accounts](Context& ctx, const http::Route& route, const http::Handler& next) {
    return Authenticate(accounts, ctx, route, next);
  });

  const nlohmann::json user_schema = {{"$ref", "#/components/schemas/User"}};
  router.Add(
      "POST", "/api/v1/auth/login",
      [&accounts](Context& ctx) {
        auto body = api::JsonBody(ctx.request);
        if (!body.ok()) return api::ProblemFor(body.error(), ctx.request);
        api::Fields fields(*body);
        auto email = fields.String("email", 320);
        auto password = fields.String("password", 1024);
        if (!email) fields.Fail("email", "field.required", "Enter your email.");
        if (!password) fields.Fail("password", "field.required", "Enter your password.");
        if (auto bad = fields.Finish("The login"); !bad.ok()) return api::ProblemFor(bad.error(), ctx.request);
        auto session = accounts.Login(*email, *password, ctx.request.remote_address, ctx.request.request_id);
        if (!session.ok()) return api::ProblemFor(session.error(), ctx.request);
        Response response = Response::Json(
            {{"user", UserJson(session->principal)}, {"csrf_token", session->principal.csrf_token}});
        response.headers["Set-Cookie"] = SessionCookie(
            session->token, ctx.request.secure,
            static_cast<long>(std::chrono::seconds(Accounts::kSessionLifetime).count()));
        return response;
      },
      {"Log in with email and password; sets the session cookie", "auth", false,
       {{"type", "object"}, {"required", {"email", "password"}},
        {"properties", {{"email", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}},
       {{"type", "object"}, {"properties", {{"user", user_schema}, {"csrf_token", {{"type", "string"}}}}}}});

  router.Add(
      "POST", "/api/v1/auth/logout",
      [&accounts](Context& ctx) {
        if (auto cookie = ctx.request.Cookie(kSessionCookie)) {
          (void)accounts.Logout(*cookie, api::Caller(ctx).Actor(ctx.request.request_id));
        }
        Response response = Response::NoContent();
        response.headers["Set-Cookie"] = SessionCookie("", ctx.request.secure, 0);
        return response;
      },
      {"End the session", "auth", true, nullptr, nullptr, {}, 204});

  router.Add(
      "GET", "/api/v1/auth/me",
      [](Context& ctx) {
        const Principal& p = api::Caller(ctx);
        return Response::Json({{"user", UserJson(p)}, {"csrf_token", p.csrf_token}});
      },
      {"The logged-in user and the CSRF token for writes", "auth", true, nullptr,
       {{"type", "object"}, {"properties", {{"user", user_schema}, {"csrf_token", {{"type", "string"}}}}}}});

  router.Add(
      "GET", "/api/v1/users",
      [&accounts](Context& ctx) {
        const Principal& p = api::Caller(ctx);
        if (auto denied = p.Require(Permission::kUsersRead); !denied.ok()) {
          return api::ProblemFor(denied.error(), ctx.request);
        }
        std::optional<Role> role;
        if (auto text = ctx.request.Query("role")) {
          role = ParseRole(*text);
          if (!role) return api::ProblemFor(Error::BadRequest("request.bad_role", "Unknown role " + *text), ctx.request);
        }
        auto users = accounts.ListUsers(role);
        if (!users.ok()) return api::ProblemFor(users.error(), ctx.request);
        nlohmann::json items = nlohmann::json::array();
        for (const auto& u : *users) {
          if (u.role == Role::kClientUser || u.role == Role::kWorker) continue;  // internal directory only
          items.push_back({{"id", u.id}, {"email", u.email}, {"name", u.name}, {"role", RoleName(u.role)}});
        }
        return Response::Json({{"items", items}});
      },
      {"The internal user directory (account-team pickers)", "auth", true, nullptr,
       {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", user_schema}}}}}}, {"role"}});
}

}  // namespace concord::auth
