#include "server/static_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

namespace concord::http {
namespace {

bool SafeRelative(std::string_view path) {
  // The path is already percent-decoded: refuse anything that could climb out of the root.
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (segment == "..") return false;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return true;
}

}  // namespace

std::string ContentTypeFor(std::string_view filename) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},
      {".csv", "text/csv; charset=utf-8"},
  }};
  std::size_t dot = filename.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(filename.substr(dot));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [known, type] : kTypes) {
      if (known == ext) return std::string(type);
    }
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  if (!root.empty()) {
    std::error_code ec;
    root_ = std::filesystem::weakly_canonical(root, ec);
    if (ec) root_ = root;
  }
}

std::optional<Response> StaticFiles::ReadFile(const std::filesystem::path& file, bool immutable) const {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Response response = Response::Text(std::move(body), ContentTypeFor(file.filename().string()));
  response.headers["Cache-Control"] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
  response.headers["X-Content-Type-Options"] = "nosniff";
  return response;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (!enabled()) return std::nullopt;
  std::string_view path = request.path;
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  const bool asset = request.path.starts_with("/assets/");
  if (!SafeRelative(path)) {
    return Response::Problem(Error::NotFound("static.not_found", "No such file."), request.path);
  }
  if (!path.empty()) {
    if (auto file = ReadFile(root_ / std::string(path), asset)) return file;
  }
  if (asset) return Response::Problem(Error::NotFound("static.not_found", "No such file."), request.path);
  if (auto index = ReadFile(root_ / "index.html", false)) return index;
  return Response::Problem(Error::NotFound("static.no_index", "The web front end is not installed."),
                           request.path);
}

}  // namespace concord::http
