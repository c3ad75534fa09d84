#include "server/http.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace concord::http {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 6266 §4.3: a quoted ASCII fallback for old agents plus filename* (RFC 8187) for the exact name.
std::string ContentDisposition(const std::string& filename) {
  std::string ascii;
  std::string encoded;
  for (unsigned char c : filename) {
    bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return Lower(x) < Lower(y); });
}

std::optional<std::string> Request::Query(const std::string& name) const {
  auto it = query.find(name);  // multimap::find returns the first inserted of equal keys
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::Header(const std::string& name) const {
  auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

// RFC 6265 §5.4: "name=value" pairs separated by "; ". Values may be quoted (§4.1.1).
std::optional<std::string> Request::Cookie(const std::string& name) const {
  auto header = headers.find("Cookie");
  if (header == headers.end()) return std::nullopt;
  std::string_view rest = header->second;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view pair = Trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || Trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

Response Response::Json(const nlohmann::json& body, int status) {
  Response response;
  response.status = status;
  response.headers["Content-Type"] = "application/json";
  // Replace invalid UTF-8 instead of throwing: a stray byte in stored data must not turn into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::Text(std::string body, std::string content_type, int status) {
  Response response;
  response.status = status;
  response.headers["Content-Type"] = std::move(content_type);
  response.body = std::move(body);
  return response;
}

Response Response::NoContent() {
  Response response;
  response.status = 204;
  return response;
}

Response Response::Problem(const Error& error, const std::string& instance) {
  return ProblemWithStatus(HttpStatus(error.kind), HttpTitle(error.kind), error, instance);
}

Response Response::ProblemWithStatus(int status, std::string_view title, const Error& error,
                                     const std::string& instance) {
  nlohmann::json problem = {
      {"type",
       error.code.empty() ? std::string("about:blank") : "https://concord.dev/problems/" + error.code},
      {"title", title},
      {"status", status},
  };
  if (!error.message.empty()) problem["detail"] = error.message;
  if (!instance.empty()) problem["instance"] = instance;
  if (!error.code.empty()) problem["code"] = error.code;  // RFC 9457 §3.2 extension member
  if (!error.fields.empty()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const FieldError& field : error.fields) {
      errors.push_back({{"field", field.field}, {"code", field.code}, {"message", field.message}});
    }
    problem["errors"] = std::move(errors);
  }
  Response response = Json(problem, status);
  response.headers["Content-Type"] = "application/problem+json";
  return response;
}

Response Response::Download(std::string body, std::string content_type, const std::string& filename) {
  Response response = Text(std::move(body), std::move(content_type));
  response.headers["Content-Disposition"] = ContentDisposition(filename);
  return response;
}

}  // namespace concord::http
