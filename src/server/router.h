// A small router: routes are registered with a method, a path pattern with {params}, a handler and the
// metadata from which GET /api/v1/openapi.json is generated (so the document always equals the routes).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/http.h"

namespace concord::http {

// What a handler receives: the request, the matched path parameters and a slot for the authenticated
// caller that middleware fills (modules cast it to auth::Principal through auth's helpers).
struct Context {
  const Request& request;
  std::map<std::string, std::string> params;  // from the path pattern, e.g. {"id": "42"}
  std::shared_ptr<void> principal;            // set by the auth middleware; null when anonymous
  std::string route;                          // the matched pattern, e.g. "/api/v1/clients/{id}" (metrics)

  const std::string& Param(const std::string& name) const { return params.at(name); }
};

using Handler = std::function<Response(Context&)>;

// OpenAPI metadata of one operation.
struct RouteDoc {
  std::string summary;
  std::string tag;                    // "clients", "auth", ...
  bool auth = true;                   // requires a session or token
  nlohmann::json request_body;        // JSON schema of the body, or null
  nlohmann::json response;            // JSON schema of the 2xx body, or null
  std::vector<std::string> query;     // names of query parameters it accepts
  int success_status = 200;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteDoc doc;
};

// Middleware wraps every API handler (auth, CSRF). It may answer itself or call next.
using Middleware = std::function<Response(Context&, const Route&, const Handler& next)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, RouteDoc doc = {});
  void Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

  // Dispatches a request: 404 problem when no pattern matches, 405 (with Allow) when the path matches
  // only other methods. A literal segment wins over a {param} at the same position, leftmost first, so
  // "/clients/export.csv" beats "/clients/{id}". HEAD falls back to the GET route. Exceptions thrown by
  // middleware or a handler become a 500 problem and are logged here (with the request id), because
  // the caller only sees the response. *matched_route (may be null) receives the pattern, or "" on 404/405.
  Response Dispatch(const Request& request, std::string* matched_route) const;

  // True when some route's pattern matches the path, whatever its method (the server serves the SPA
  // only for paths no route claims).
  bool HasPath(std::string_view path) const;

  // Name of the session cookie that the OpenAPI security scheme documents (auth sets it).
  void SetSessionCookieName(std::string name) { session_cookie_ = std::move(name); }

  const std::vector<Route>& routes() const { return routes_; }

  // The OpenAPI 3.1 document generated from the registered routes.
  nlohmann::json OpenApi(const std::string& title, const std::string& version) const;

 private:
  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
  std::string session_cookie_ = "concord_session";
};

}  // namespace concord::http
