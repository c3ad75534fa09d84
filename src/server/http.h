// Plain HTTP request/response values shared by the router and every module's routes.
// Nothing here includes Boost.Beast: only src/server/http_server.cpp does (it costs ~18 s a file to compile).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace concord::http {

// Case-insensitive header map (HTTP field names are case-insensitive, RFC 9110 §5.1).
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
};
using Headers = std::map<std::string, std::string, CaseInsensitiveLess>;

struct Request {
  std::string method;                        // "GET", "POST", ...
  std::string target;                        // raw target, e.g. "/api/v1/clients?q=acme"
  std::string path;                          // decoded path, e.g. "/api/v1/clients"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  Headers headers;
  std::string body;
  std::string remote_address;                // peer IP, for throttling and the access log
  std::string request_id;                    // from X-Request-Id or generated
  bool secure = false;                       // behind TLS (X-Forwarded-Proto: https)

  // The first value of a query parameter, if present.
  std::optional<std::string> Query(const std::string& name) const;
  std::optional<std::string> Header(const std::string& name) const;
  // The value of one cookie from the Cookie header.
  std::optional<std::string> Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response Json(const nlohmann::json& body, int status = 200);
  static Response Text(std::string body, std::string content_type = "text/plain; charset=utf-8",
                       int status = 200);
  static Response NoContent();
  // RFC 9457 application/problem+json from an Error.
  static Response Problem(const Error& error, const std::string& instance = "");
  // The same with a status and title that no ErrorKind names (405, 431, ...).
  static Response ProblemWithStatus(int status, std::string_view title, const Error& error,
                                    const std::string& instance = "");
  // A file download with Content-Disposition: attachment.
  static Response Download(std::string body, std::string content_type, const std::string& filename);
};

}  // namespace concord::http
