// The HTTP/1.1 server behind `concord serve`: keep-alive connections on Boost.Beast with C++20
// coroutines, synchronous handlers on a worker pool, the SPA's static files, /healthz, /metrics, an
// access log and graceful shutdown. Beast stays inside http_server.cpp (it costs ~18 s per file).
//
// Usage:
//   http::Router router;  ...routes...
//   http::HttpServer server({.host = "0.0.0.0", .port = 8080, .static_dir = "web/dist"}, router);
//   if (Status s = server.Start(); !s) { ...s.error()... }
//   server.Run();  // until SIGTERM/SIGINT or Stop()
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/router.h"

namespace spdlog {
class logger;
}

namespace concord::metrics {
class Registry;
}

namespace concord::http {

// Thread safety: Start, Run and the destructor from one thread; Stop and port from any thread.
// The router must outlive the server and must not change after Start.
class HttpServer {
 public:
  struct Options {
    std::string host = "127.0.0.1";             // an IP address or a resolvable name
    uint16_t port = 8080;                       // 0 picks a free port; port() tells which
    int threads = 0;                            // I/O threads; 0 = hardware concurrency, at least 2
    int handler_threads = 0;                    // pool for blocking handlers; 0 = max(8, 4 * I/O threads)
    std::size_t body_limit = 32 * 1024 * 1024;  // larger bodies answer 413
    std::size_t header_limit = 16 * 1024;       // larger request heads answer 431
    std::chrono::seconds read_timeout{30};      // to read one request once its first byte arrived
    std::chrono::seconds idle_timeout{60};      // keep-alive wait for the next request
    std::chrono::seconds drain_timeout{10};     // how long Run waits for in-flight requests on stop
    // The built SPA (web/dist). Served for GET/HEAD of paths no route claims outside /api/; unknown
    // paths fall back to index.html; /assets/* are cached as immutable. Empty: no static files.
    std::string static_dir;
    // Reverse proxies whose X-Forwarded-For/-Proto are believed (see forwarded.h); from any other peer
    // those headers are ignored.
    std::vector<std::string> trusted_proxies;
    bool handle_signals = true;  // Run returns on SIGTERM/SIGINT
    bool quiet = false;          // no access log (tests)
    // Where the access log's JSON lines go; null = stderr (unless quiet).
    std::shared_ptr<spdlog::logger> access_log;
    // Where request metrics go and what /metrics renders; null = metrics::Registry::Default().
    metrics::Registry* metrics = nullptr;
  };

  HttpServer(Options options, const Router& router);
  ~HttpServer();  // Run must have returned (or never been called)
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens; connections queue until Run. Fails (kUnavailable, "server.listen_failed")
  // when the address cannot be resolved or bound.
  Status Start();

  // Serves until Stop() or SIGTERM/SIGINT, then stops accepting, closes idle connections, lets
  // in-flight requests finish (their responses carry Connection: close) for up to drain_timeout, and
  // returns. A handler still blocked after that delays the return until it comes back: threads
  // cannot be cancelled.
  void Run();

  // Asks Run to shut down gracefully; returns at once. Safe from any thread, before or during Run.
  void Stop();

  // The bound port (after Start).
  uint16_t port() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace concord::http
