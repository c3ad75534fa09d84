// Serves the built single-page application (web/dist) from a directory: files by path, and index.html
// for any other path so that client-side routes survive a reload. No Beast here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "server/http.h"

namespace concord::http {

// The Content-Type for a file name's extension; application/octet-stream when unknown.
std::string ContentTypeFor(std::string_view filename);

class StaticFiles {
 public:
  // An empty root disables serving (Serve always returns nullopt).
  explicit StaticFiles(std::string root);

  bool enabled() const { return !root_.empty(); }

  // The response for a GET or HEAD of request.path: the file under the root when it exists; 404 for a
  // missing file under /assets/ (a stale hashed asset must not be answered with HTML); index.html
  // otherwise. /assets/* are content-hashed by the bundler, hence Cache-Control: immutable; everything
  // else must be revalidated so a deploy is seen at once. Paths that escape the root answer 404.
  // Reads files synchronously: call it off the I/O threads. nullopt when disabled.
  std::optional<Response> Serve(const Request& request) const;

 private:
  std::optional<Response> ReadFile(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;
};

}  // namespace concord::http
