// The API conventions every module's routes share: JSON bodies, RFC 9457 problems, ETag/If-Match,
// cursor pagination, sorting and list exports. Route files include this, never Boost.Beast.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "core/date.h"
#include "core/result.h"
#include "server/router.h"

namespace concord::api {

// The authenticated caller; routes registered with doc.auth always have one.
const auth::Principal& Caller(const http::Context& ctx);

// Parses the request body as a JSON object (400 "request.bad_json" naming the offset otherwise).
Result<nlohmann::json> JsonBody(const http::Request& request);

// Reads optional typed members of a JSON object, collecting field errors instead of throwing.
class Fields {
 public:
  explicit Fields(const nlohmann::json& body) : body_(body) {}
  bool Has(const std::string& name) const { return body_.contains(name); }
  std::optional<std::string> String(const std::string& name, size_t max_length = 10000);
  std::optional<bool> Bool(const std::string& name);
  std::optional<int64_t> Int(const std::string& name);
  const nlohmann::json* Raw(const std::string& name) const;
  void Fail(std::string field, std::string code, std::string message) {
    errors_.push_back({std::move(field), std::move(code), std::move(message)});
  }
  std::vector<FieldError>& errors() { return errors_; }
  Status Finish(const std::string& what) const;

 private:
  const nlohmann::json& body_;
  std::vector<FieldError> errors_;
};

// ETag of a versioned record: a strong validator, "\"<version>\"".
std::string ETag(int64_t version);
// The version a write was based on. 428 without If-Match; 400 when it is not one of our ETags.
Result<int64_t> IfMatchVersion(const http::Request& request);

// Cursor pagination over a (sort key, id) pair: the cursor is opaque base64url JSON.
struct PageRequest {
  int limit = 50;
  std::optional<std::string> after_key;  // sort value of the last row seen
  std::optional<int64_t> after_id;
};
Result<PageRequest> ParsePage(const http::Request& request, int max_limit = 500);
std::string MakeCursor(const std::string& key, int64_t id);

// Sort parameter "name" or "-name" checked against the allowed columns.
struct Sort {
  std::string column;
  bool descending = false;
};
Result<Sort> ParseSort(const http::Request& request, const std::vector<std::string>& allowed, Sort fallback);

http::Response ProblemFor(const Error& error, const http::Request& request);

// A path parameter that must be a positive id; anything else is 404, as for a record that is not there.
Result<int64_t> PathId(const http::Context& ctx, const std::string& name = "id");
// An optional positive id in the query string; 400 when it is not one.
Result<std::optional<int64_t>> QueryId(const http::Request& request, const std::string& name);
// An optional query parameter that must be one of `allowed`; 400 naming them otherwise.
Result<std::optional<std::string>> QueryChoice(const http::Request& request, const std::string& name,
                                               const std::vector<std::string>& allowed);

// An optional query parameter date (YYYY-MM-DD); 400 naming it when malformed.
Result<std::optional<Date>> QueryDate(const http::Request& request, const std::string& name);

// A response carrying the ETag of a versioned record.
http::Response WithETag(http::Response response, int64_t version);

// OpenAPI schema of a list page: {items: [item], next_cursor, total}.
nlohmann::json ListSchema(const nlohmann::json& item);

// The shape of every handler: runs `body(caller)` when the caller holds `permission` (403 otherwise);
// `body` returns Result<Response>, so it can TRY each step, and an error becomes a problem.
template <class F>
http::Response Guarded(const http::Context& ctx, auth::Permission permission, F body) {
  const auth::Principal& caller = Caller(ctx);
  if (auto denied = caller.Require(permission); !denied.ok()) return ProblemFor(denied.error(), ctx.request);
  Result<http::Response> response = body(caller);
  if (!response.ok()) return ProblemFor(response.error(), ctx.request);
  return std::move(response).value();
}

}  // namespace concord::api
