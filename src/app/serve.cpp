// `concord serve`: the HTTP API, the web app and the background workers of one instance.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

#include "app/commands.h"
#include "app/platform.h"
#include "jobs/workers.h"
#include "server/http_server.h"
#include "server/metrics.h"

namespace concord::app {
namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  Config config;
  std::string listen = "127.0.0.1:8080";
  std::string web;
  int workers = 2;
  int threads = 0;
  bool quiet = false;
  std::vector<std::string> trusted_proxies;
};

// The built web app: --web, $CONCORD_WEB, beside an installed binary (../share/concord/web), or the
// source tree's web/dist above a build directory.
std::string FindWebDir(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("CONCORD_WEB")) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  fs::path dir = exe.parent_path();
  if (fs::exists(dir / "../share/concord/web/index.html")) return (dir / "../share/concord/web").lexically_normal();
  for (int up = 0; up < 6 && !dir.empty(); ++up, dir = dir.parent_path()) {
    if (fs::exists(dir / "web/dist/index.html")) return (dir / "web/dist").string();
  }
  return "";
}

int Serve(const ServeOptions& options) {
  const auto colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "--listen must be HOST:PORT, e.g. 127.0.0.1:8080\n";
    return 1;
  }
  auto platform = OpenPlatform(options.config, false);
  if (!platform.ok()) {
    std::cerr << "concord serve: " << platform.error().message << "\n";
    return ExitCode(platform.error().kind);
  }
  Platform& p = **platform;
  http::Router router;
  InstallRoutes(router, p);

  metrics::Registry::Default().AddGauge("concord_jobs", "Background jobs by state.", [&p] {
    std::vector<metrics::Sample> samples;
    auto conn = p.db->Acquire();
    if (!conn.ok()) return samples;
    auto counts = jobs::CountByState(**conn);
    if (!counts.ok()) return samples;
    for (const auto& [state, n] : *counts) samples.push_back({{{"state", state}}, static_cast<double>(n)});
    return samples;
  });

  http::HttpServer::Options server_options;
  server_options.host = options.listen.substr(0, colon);
  server_options.port = static_cast<uint16_t>(std::stoi(options.listen.substr(colon + 1)));
  server_options.threads = options.threads;
  server_options.static_dir = FindWebDir(options.web);
  server_options.quiet = options.quiet;
  server_options.trusted_proxies = options.trusted_proxies;
  http::HttpServer server(server_options, router);
  if (auto started = server.Start(); !started.ok()) {
    std::cerr << "concord serve: " << started.error().message << "\n";
    return ExitCode(started.error().kind);
  }
  char host[256] = "concord";
  gethostname(host, sizeof host - 1);
  jobs::Workers workers(*p.db, p.jobs, std::string(host) + ":" + std::to_string(getpid()));
  workers.Start(options.workers);
  spdlog::info("concord serving http://{}:{} (web app: {}; {} job workers)", server_options.host, server.port(),
               server_options.static_dir.empty() ? "not built" : server_options.static_dir, options.workers);
  server.Run();
  workers.Stop();
  spdlog::info("concord stopped");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the API and the web app, and run background jobs");
  options->config.AddOptions(*serve);
  serve->add_option("--listen", options->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--web", options->web, "Directory of the built web app (default: found beside the binary)");
  serve->add_option("--workers", options->workers, "Background job threads (default 2; 0 for none)");
  serve->add_option("--threads", options->threads, "HTTP I/O threads (default: one per core, at least 2)");
  serve->add_option("--trusted-proxy", options->trusted_proxies,
                    "IP address of a reverse proxy whose X-Forwarded-For/-Proto headers are believed (repeatable)");
  serve->add_flag("--quiet", options->quiet, "No access log");
  serve->callback([options] { SetExitCode(Serve(*options)); });
}

}  // namespace concord::app
