#include "server/router.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <set>
#include <utility>

namespace concord::http {
namespace {

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Takes the next '/'-separated segment off *rest (which starts after a '/').
std::string_view NextSegment(std::string_view* rest) {
  std::size_t slash = rest->find('/');
  std::string_view segment = rest->substr(0, slash);
  *rest = slash == std::string_view::npos ? std::string_view() : rest->substr(slash + 1);
  return segment;
}

// Matches a path against a pattern segment by segment. On success *rank holds one character per segment,
// '1' for a literal and '0' for a parameter, so the greater rank is the more specific route; params
// (may be null) receives the parameter values.
bool MatchPattern(std::string_view pattern, std::string_view path, std::string* rank,
                  std::map<std::string, std::string>* params) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') {
    return pattern == path;
  }
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  rank->clear();
  bool more = true;
  while (more) {
    more = pattern.find('/') != std::string_view::npos;
    bool path_more = path.find('/') != std::string_view::npos;
    if (more != path_more) return false;  // different number of segments
    std::string_view want = NextSegment(&pattern);
    std::string_view got = NextSegment(&path);
    if (IsParam(want)) {
      if (got.empty()) return false;
      if (params) (*params)[std::string(want.substr(1, want.size() - 2))] = std::string(got);
      *rank += '0';
    } else {
      if (want != got) return false;
      *rank += '1';
    }
  }
  return true;
}

std::vector<std::string> PathParams(std::string_view pattern) {
  std::vector<std::string> names;
  while (!pattern.empty()) {
    if (pattern.front() == '/') pattern.remove_prefix(1);
    std::string_view segment = NextSegment(&pattern);
    if (IsParam(segment)) names.emplace_back(segment.substr(1, segment.size() - 2));
  }
  return names;
}

Response RunChain(const std::vector<Middleware>& chain, std::size_t i, Context& context, const Route& route) {
  if (i == chain.size()) return route.handler(context);
  Handler next = [&chain, i, &route](Context& c) { return RunChain(chain, i + 1, c, route); };
  return chain[i](context, route, next);
}

std::string Lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteDoc doc) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(doc)});
}

bool Router::HasPath(std::string_view path) const {
  std::string rank;
  for (const Route& route : routes_) {
    if (MatchPattern(route.pattern, path, &rank, nullptr)) return true;
  }
  return false;
}

Response Router::Dispatch(const Request& request, std::string* matched_route) const {
  if (matched_route) matched_route->clear();
  const Route* best = nullptr;
  const Route* best_get = nullptr;  // HEAD falls back to GET (RFC 9110 §9.3.2)
  std::string best_rank, best_get_rank, rank;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (!MatchPattern(route.pattern, request.path, &rank, nullptr)) continue;
    allowed.insert(route.method);
    if (route.method == request.method && (!best || rank > best_rank)) {
      best = &route;
      best_rank = rank;
    } else if (route.method == "GET" && request.method == "HEAD" && (!best_get || rank > best_get_rank)) {
      best_get = &route;
      best_get_rank = rank;
    }
  }
  if (!best) best = best_get;
  if (!best) {
    if (allowed.empty()) {
      return Response::Problem(Error::NotFound("route.not_found", "No resource at " + request.path + "."),
                               request.path);
    }
    std::string allow;
    if (allowed.count("GET")) allowed.insert("HEAD");
    for (const std::string& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    Response response = Response::ProblemWithStatus(
        405, "Method Not Allowed",
        Error::BadRequest("route.method_not_allowed", request.method + " is not allowed on " + request.path +
                                                          "; allowed: " + allow + "."),
        request.path);
    response.headers["Allow"] = allow;
    return response;
  }

  Context context{request, {}, nullptr, best->pattern};
  MatchPattern(best->pattern, request.path, &rank, &context.params);
  if (matched_route) *matched_route = best->pattern;
  try {
    return RunChain(middleware_, 0, context, *best);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path, e.what());
  } catch (...) {
    spdlog::error("request {} {} {} failed: unknown exception", request.request_id, request.method,
                  request.path);
  }
  // The detail stays generic: exception text may carry SQL or internals the caller must not see.
  return Response::Problem(Error::Internal("internal", "An unexpected error occurred; quote request id " +
                                                           request.request_id + "."),
                           request.path);
}

nlohmann::json Router::OpenApi(const std::string& title, const std::string& version) const {
  using nlohmann::json;
  const json problem_ref = {{"$ref", "#/components/responses/Problem"}};
  json paths = json::object();
  std::set<std::string> tags;
  for (const Route& route : routes_) {
    const RouteDoc& doc = route.doc;
    json op = json::object();
    if (!doc.summary.empty()) op["summary"] = doc.summary;
    if (!doc.tag.empty()) {
      op["tags"] = json::array({doc.tag});
      tags.insert(doc.tag);
    }
    std::string operation_id = Lowercase(route.method);
    for (char c : route.pattern) {
      bool word = std::isalnum(static_cast<unsigned char>(c));
      if (word)
        operation_id += c;
      else if (operation_id.back() != '_')
        operation_id += '_';
    }
    while (operation_id.back() == '_') operation_id.pop_back();
    op["operationId"] = operation_id;

    json parameters = json::array();
    for (const std::string& name : PathParams(route.pattern)) {
      parameters.push_back(
          {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    for (const std::string& name : doc.query) {
      parameters.push_back(
          {{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    if (!doc.request_body.is_null()) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", doc.request_body}}}}}};
    }

    json responses = json::object();
    json success = {{"description", doc.summary.empty() ? "Success" : doc.summary}};
    if (!doc.response.is_null() && doc.success_status != 204) {
      success["content"] = {{"application/json", {{"schema", doc.response}}}};
    }
    responses[std::to_string(doc.success_status)] = std::move(success);
    responses["400"] = problem_ref;
    if (doc.auth) {
      responses["401"] = problem_ref;
      responses["403"] = problem_ref;
    }
    responses["404"] = problem_ref;
    if (!doc.request_body.is_null()) responses["422"] = problem_ref;
    responses["500"] = problem_ref;
    op["responses"] = std::move(responses);
    // An empty array overrides nothing globally but states explicitly that the route is public.
    op["security"] =
        doc.auth ? json::array({{{"session", json::array()}}, {{"bearer", json::array()}}}) : json::array();
    paths[route.pattern][Lowercase(route.method)] = std::move(op);
  }

  json tag_list = json::array();
  for (const std::string& tag : tags) tag_list.push_back({{"name", tag}});
  json string_type = {{"type", "string"}};
  json problem_schema = {
      {"type", "object"},
      {"required", {"type", "title", "status"}},
      {"properties",
       {{"type", {{"type", "string"}, {"format", "uri-reference"}}},
        {"title", string_type},
        {"status", {{"type", "integer"}}},
        {"detail", string_type},
        {"instance", string_type},
        {"code", string_type},
        {"errors",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"field", "code", "message"}},
            {"properties", {{"field", string_type}, {"code", string_type}, {"message", string_type}}}}}}}}},
  };
  return {
      {"openapi", "3.1.0"},
      {"info", {{"title", title}, {"version", version}}},
      {"tags", std::move(tag_list)},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", {{"Problem", std::move(problem_schema)}}},
        {"responses",
         {{"Problem",
           {{"description", "An RFC 9457 problem; field errors in `errors`."},
            {"content",
             {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", session_cookie_}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
  };
}

}  // namespace concord::http
