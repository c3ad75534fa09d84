#include "api/api.h"

#include <charconv>


namespace concord::api {

const auth::Principal& Caller(const http::Context& ctx) {
  return *static_cast<const auth::Principal*>(ctx.principal.get());
}

Result<nlohmann::json> JsonBody(const http::Request& request) {
  auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    return Error::BadRequest("request.bad_json", "The request body is not valid JSON.");
  }
  if (!body.is_object()) return Error::BadRequest("request.bad_json", "The request body must be a JSON object.");
  return body;
}

std::optional<std::string> Fields::String(const std::string& name, size_t max_length) {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    Fail(name, "field.type", "Must be text.");
    return std::nullopt;
  }
  std::string value = it->get<std::string>();
  if (value.size() > max_length) {
    Fail(name, "field.too_long", "At most " + std::to_string(max_length) + " characters.");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Fields::Bool(const std::string& name) {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    Fail(name, "field.type", "Must be true or false.");
    return std::nullopt;
  }
  return it->get<bool>();
}

std::optional<int64_t> Fields::Int(const std::string& name) {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    Fail(name, "field.type", "Must be a whole number.");
    return std::nullopt;
  }
  return it->get<int64_t>();
}

const nlohmann::json* Fields::Raw(const std::string& name) const {
  auto it = body_.find(name);
  return it == body_.end() ? nullptr : &*it;
}

Status Fields::Finish(const std::string& what) const {
  if (errors_.empty()) return {};
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", errors_);
}

std::string ETag(int64_t version) {
  std::string tag = "\"";  // built step by step: GCC 12 warns falsely (-Wrestrict) on "x" + string at -O2
  tag += std::to_string(version);
  tag += '"';
  return tag;
}

Result<int64_t> IfMatchVersion(const http::Request& request) {
  auto header = request.Header("If-Match");
  if (!header) {
    return Error{ErrorKind::kPreconditionRequired, "request.if_match_required",
                 "Send If-Match with the ETag you read, so concurrent edits are detected.", {}};
  }
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() < 3 || text.front() != '"' || text.back() != '"') {
    return Error::BadRequest("request.bad_if_match", "If-Match must be an ETag such as \"3\".");
  }
  text = text.substr(1, text.size() - 2);
  int64_t version = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return Error::BadRequest("request.bad_if_match", "If-Match must be an ETag such as \"3\".");
  }
  return version;
}

namespace {

std::string Base64Url(std::string_view data) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : data) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      out += kAlphabet[(buffer >> (bits - 6)) & 63];
      bits -= 6;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 63];
  return out;
}

std::optional<std::string> FromBase64Url(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-') v = 62;
    else if (c == '_') v = 63;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

}  // namespace

std::string MakeCursor(const std::string& key, int64_t id) {
  return Base64Url(nlohmann::json::array({key, id}).dump());
}

Result<PageRequest> ParsePage(const http::Request& request, int max_limit) {
  PageRequest page;
  if (auto limit = request.Query("limit")) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || value < 1 || value > max_limit) {
      return Error::BadRequest("request.bad_limit", "limit must be a whole number from 1 to " +
                                                        std::to_string(max_limit) + ".");
    }
    page.limit = value;
  }
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
    auto text = FromBase64Url(*cursor);
    auto parsed = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (!parsed.is_array() || parsed.size() != 2 || !parsed[0].is_string() || !parsed[1].is_number_integer()) {
      return Error::BadRequest("request.bad_cursor", "The cursor is not one this API returned.");
    }
    page.after_key = parsed[0].get<std::string>();
    page.after_id = parsed[1].get<int64_t>();
  }
  return page;
}

Result<Sort> ParseSort(const http::Request& request, const std::vector<std::string>& allowed, Sort fallback) {
  auto text = request.Query("sort");
  if (!text || text->empty()) return fallback;
  Sort sort;
  sort.descending = (*text)[0] == '-';
  sort.column = sort.descending ? text->substr(1) : *text;
  for (const auto& name : allowed) {
    if (name == sort.column) return sort;
  }
  std::string list;
  for (const auto& name : allowed) list += (list.empty() ? "" : ", ") + name;
  return Error::BadRequest("request.bad_sort", "sort must be one of " + list + " (prefix - for descending).");
}

http::Response ProblemFor(const Error& error, const http::Request& request) {
  return http::Response::Problem(error, request.path);
}

static std::optional<int64_t> ParsePositiveId(const std::string& text) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Result<int64_t> PathId(const http::Context& ctx, const std::string& name) {
  auto id = ParsePositiveId(ctx.Param(name));
  if (!id) return Error::NotFound("request.not_found", "No such record.");
  return *id;
}

Result<std::optional<int64_t>> QueryId(const http::Request& request, const std::string& name) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<int64_t>();
  auto id = ParsePositiveId(*text);
  if (!id) return Error::BadRequest("request.bad_" + name, name + " must be a positive whole number.");
  return id;
}

Result<std::optional<Date>> QueryDate(const http::Request& request, const std::string& name) {
  const auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<Date>();
  auto date = Date::Parse(*text);
  if (!date.ok()) return Error::BadRequest("request.bad_date", name + " must be a date such as 2026-03-05.");
  return std::optional<Date>(*date);
}

Result<std::optional<std::string>> QueryChoice(const http::Request& request, const std::string& name,
                                               const std::vector<std::string>& allowed) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<std::string>();
  for (const auto& value : allowed) {
    if (value == *text) return text;
  }
  std::string list;
  for (const auto& value : allowed) list += (list.empty() ? "" : ", ") + value;
  return Error::BadRequest("request.bad_" + name, name + " must be one of " + list + ".");
}

http::Response WithETag(http::Response response, int64_t version) {
  response.headers["ETag"] = ETag(version);
  return response;
}

nlohmann::json ListSchema(const nlohmann::json& item) {
  return {{"type", "object"},
          {"properties",
           {{"items", {{"type", "array"}, {"items", item}}},
            {"next_cursor", {{"type", {"string", "null"}}}},
            {"total", {{"type", "integer"}}}}}};
}

}  // namespace concord::api
