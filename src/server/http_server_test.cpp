// Integration tests: a real HttpServer on 127.0.0.1, port 0, spoken to over raw sockets.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "server/metrics.h"

namespace concord::http {
namespace {

using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  Headers headers;
  std::string body;
};

// A minimal HTTP/1.1 client: enough to send raw bytes and read Content-Length framed responses.
class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~Client() { ::close(fd_); }
  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // One response, or nullopt when the connection closed (or timed out) first.
  std::optional<Reply> Read() {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    Reply reply;
    std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    reply.status = std::stoi(head.substr(9, 3));
    std::size_t line = head.find("\r\n");
    while (line != std::string::npos) {
      std::size_t next = head.find("\r\n", line + 2);
      std::string field =
          head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
      std::size_t colon = field.find(':');
      reply.headers[field.substr(0, colon)] = field.substr(colon + 2);
      line = next;
    }
    std::size_t length =
        reply.headers.count("Content-Length") ? std::stoul(reply.headers["Content-Length"]) : 0;
    if (head_request_) length = 0;
    while (buffer_.size() < length) {
      if (!Fill()) return std::nullopt;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }

  // True when the server closed the connection (read returns 0 with nothing buffered).
  bool Closed() { return buffer_.empty() && !Fill(); }

  void set_head_request(bool head) { head_request_ = head; }

 private:
  bool Fill() {
    char chunk[8192];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool head_request_ = false;
  std::string buffer_;
};

std::string Get(const std::string& path, const std::string& extra_headers = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

// Starts a server on a free port in the constructor; stops it and waits for Run in the destructor.
class RunningServer {
 public:
  RunningServer(const Router& router, HttpServer::Options options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.quiet = true;
    options.handle_signals = false;
    options.threads = 2;
    if (!options.metrics) options.metrics = &registry_;
    server_ = std::make_unique<HttpServer>(std::move(options), router);
    Status started = server_->Start();
    EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
    run_ = std::async(std::launch::async, [this] { server_->Run(); });
  }
  ~RunningServer() { StopAndWait(); }

  void StopAndWait() {
    server_->Stop();
    if (run_.valid()) run_.get();
  }
  std::future<void>& run() { return run_; }
  uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  metrics::Registry& registry() { return registry_; }

 private:
  metrics::Registry registry_;
  std::unique_ptr<HttpServer> server_;
  std::future<void> run_;
};

Router TestRouter() {
  Router router;
  router.Add("GET", "/api/v1/echo/{id}", [](Context& context) {
    const Request& request = context.request;
    return Response::Json({{"id", context.Param("id")},
                           {"q", request.Query("q").value_or("")},
                           {"remote", request.remote_address},
                           {"secure", request.secure},
                           {"request_id", request.request_id}});
  });
  router.Add("POST", "/api/v1/echo", [](Context& context) {
    return Response::Json({{"bytes", context.request.body.size()}}, 201);
  });
  return router;
}

TEST(HttpServerTest, ForwardedHeadersAreBelievedOnlyFromATrustedProxy) {
  Router router = TestRouter();
  HttpServer::Options options;
  options.trusted_proxies = {"127.0.0.1"};  // the test client plays the proxy
  RunningServer server(router, options);
  Client client(server.port());
  ASSERT_TRUE(client.Send(Get("/api/v1/echo/1", "X-Forwarded-For: 1.2.3.4, 198.51.100.7\r\nX-Forwarded-Proto: https\r\n")));
  auto reply = client.Read();
  ASSERT_TRUE(reply);
  const nlohmann::json body = nlohmann::json::parse(reply->body);
  EXPECT_EQ(body["remote"], "198.51.100.7");
  EXPECT_EQ(body["secure"], true);
}

TEST(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Router router = TestRouter();
  RunningServer server(router, {});
  Client client(server.port());
  ASSERT_TRUE(client.connected());

  ASSERT_TRUE(client.Send(Get("/api/v1/echo/7?q=acme+corp%21")));
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  nlohmann::json body = nlohmann::json::parse(first->body);
  EXPECT_EQ(body["id"], "7");
  EXPECT_EQ(body["q"], "acme corp!");
  EXPECT_EQ(body["remote"], "127.0.0.1");
  EXPECT_EQ(body["secure"], false);
  EXPECT_EQ(first->headers["X-Request-Id"].size(), 32u);  // generated
  EXPECT_EQ(first->headers["X-Request-Id"], body["request_id"]);
  EXPECT_EQ(first->headers["Content-Type"], "application/json");
  EXPECT_TRUE(first->headers.count("Date"));

  ASSERT_TRUE(client.Send(Get("/api/v1/echo/8", "X-Request-Id: lb-1234\r\nX-Forwarded-Proto: https\r\n")));
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(nlohmann::json::parse(second->body)["id"], "8");
  EXPECT_EQ(nlohmann::json::parse(second->body)["secure"], false);  // 127.0.0.1 is not a trusted proxy here
  EXPECT_EQ(second->headers["X-Request-Id"], "lb-1234");

  // A body, then Connection: close is honoured.
  ASSERT_TRUE(client.Send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"));
  auto third = client.Read();
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 201);
  EXPECT_EQ(nlohmann::json::parse(third->body)["bytes"], 5);
  EXPECT_TRUE(client.Closed());
}

TEST(HttpServerTest, RouterErrorsOverHttp) {
  Router router = TestRouter();
  RunningServer server(router, {});
  Client client(server.port());
  ASSERT_TRUE(client.Send(Get("/api/v1/nowhere")));
  auto missing = client.Read();
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->headers["Content-Type"], "application/problem+json");

  ASSERT_TRUE(client.Send("DELETE /api/v1/echo/1 HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto wrong_method = client.Read();
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  EXPECT_EQ(wrong_method->headers["Allow"], "GET, HEAD");

  client.set_head_request(true);
  ASSERT_TRUE(client.Send("HEAD /api/v1/echo/1 HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto head = client.Read();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_NE(head->headers["Content-Length"], "0");  // the GET's length, without the body
  client.set_head_request(false);

  ASSERT_TRUE(client.Send("BROKEN\r\n\r\n"));
  auto malformed = client.Read();
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_TRUE(client.Closed());
}

TEST(HttpServerTest, BodyTooLargeIs413) {
  Router router = TestRouter();
  RunningServer server(router, {.body_limit = 1024});
  {
    Client client(server.port());
    ASSERT_TRUE(client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4096\r\n\r\n" +
                            std::string(4096, 'x')));
    auto reply = client.Read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 413);
    EXPECT_EQ(reply->headers["Content-Type"], "application/problem+json");
    EXPECT_EQ(nlohmann::json::parse(reply->body)["code"], "request.body_too_large");
    EXPECT_EQ(reply->headers["Connection"], "close");
  }
  {  // chunked: the limit is found while reading
    Client client(server.port());
    std::string chunk = "800\r\n" + std::string(0x800, 'y') + "\r\n";
    ASSERT_TRUE(client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" +
                            chunk + "0\r\n\r\n"));
    auto reply = client.Read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 413);
  }
  {  // within the limit
    Client client(server.port());
    ASSERT_TRUE(client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1024\r\n\r\n" +
                            std::string(1024, 'x')));
    auto reply = client.Read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 201);
  }
}

TEST(HttpServerTest, HeadersTooLargeIs431) {
  Router router = TestRouter();
  RunningServer server(router, {.header_limit = 1024});
  Client client(server.port());
  ASSERT_TRUE(client.Send(Get("/api/v1/echo/1", "X-Big: " + std::string(2048, 'z') + "\r\n")));
  auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_EQ(reply->headers["Content-Type"], "application/problem+json");
}

TEST(HttpServerTest, ServesTheSpaWithFallback) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("concord_spa_" + std::to_string(::getpid()));
  fs::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<!doctype html><div id=root></div>";
  std::ofstream(dir / "assets" / "index-abc.css") << "body{}";
  Router router = TestRouter();
  {
    RunningServer server(router, {.static_dir = dir.string()});
    Client client(server.port());
    ASSERT_TRUE(client.Send(Get("/clients/42/contacts")));
    auto page = client.Read();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->headers["Content-Type"], "text/html; charset=utf-8");
    EXPECT_EQ(page->body, "<!doctype html><div id=root></div>");

    ASSERT_TRUE(client.Send(Get("/assets/index-abc.css")));
    auto css = client.Read();
    ASSERT_TRUE(css);
    EXPECT_EQ(css->headers["Content-Type"], "text/css; charset=utf-8");
    EXPECT_EQ(css->headers["Cache-Control"], "public, max-age=31536000, immutable");
    EXPECT_EQ(css->body, "body{}");

    ASSERT_TRUE(client.Send(Get("/api/v1/unknown")));  // the API never falls back to HTML
    auto api = client.Read();
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 404);
    EXPECT_EQ(api->headers["Content-Type"], "application/problem+json");
  }
  fs::remove_all(dir);
}

TEST(HttpServerTest, HealthzAndMetrics) {
  Router router = TestRouter();
  RunningServer server(router, {});
  Client client(server.port());
  ASSERT_TRUE(client.Send(Get("/healthz")));
  auto health = client.Read();
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(nlohmann::json::parse(health->body), nlohmann::json({{"status", "ok"}}));

  ASSERT_TRUE(client.Send(Get("/api/v1/echo/1")));
  ASSERT_TRUE(client.Read());
  ASSERT_TRUE(client.Send(Get("/metrics")));
  auto metrics = client.Read();
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->headers["Content-Type"], "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics->body.find(
                "concord_http_requests_total{route=\"/api/v1/echo/{id}\",method=\"GET\",status=\"200\"} 1\n"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(
      metrics->body.find("concord_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1\n"),
      std::string::npos);
  EXPECT_NE(
      metrics->body.find("concord_http_request_duration_seconds_count{route=\"/api/v1/echo/{id}\"} 1\n"),
      std::string::npos);
}

// A handler that blocks until released, to hold a request in flight.
struct Gate {
  std::atomic<bool> entered{false};
  std::atomic<bool> open{false};
  Handler Make(std::chrono::milliseconds at_least) {
    return [this, at_least](Context&) {
      entered = true;
      auto start = std::chrono::steady_clock::now();
      while (!open || std::chrono::steady_clock::now() - start < at_least) std::this_thread::sleep_for(5ms);
      return Response::Json({{"slow", true}});
    };
  }
  void WaitEntered() {
    while (!entered) std::this_thread::sleep_for(1ms);
  }
};

TEST(HttpServerTest, SlowHandlerDoesNotStallOtherConnections) {
  Gate gate;
  Router router = TestRouter();
  router.Add("GET", "/api/v1/slow", gate.Make(0ms));
  RunningServer server(router, {.threads = 1});  // overridden to 2 by RunningServer; still < handlers
  Client slow(server.port());
  ASSERT_TRUE(slow.Send(Get("/api/v1/slow")));
  gate.WaitEntered();
  for (int i = 0; i < 3; ++i) {  // more requests than I/O threads, while the slow one blocks
    Client other(server.port());
    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(other.Send(Get("/api/v1/echo/" + std::to_string(i))));
    auto reply = other.Read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  }
  gate.open = true;
  auto reply = slow.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST(HttpServerTest, GracefulStopWaitsForInFlightRequest) {
  Gate gate;
  Router router = TestRouter();
  router.Add("GET", "/api/v1/slow", gate.Make(300ms));
  RunningServer server(router, {});

  Client idle(server.port());  // a keep-alive connection with no request must not delay the stop
  ASSERT_TRUE(idle.Send(Get("/healthz")));
  ASSERT_TRUE(idle.Read());

  Client busy(server.port());
  ASSERT_TRUE(busy.Send(Get("/api/v1/slow")));
  gate.WaitEntered();
  auto stop_at = std::chrono::steady_clock::now();
  server.server().Stop();
  // Run must still be draining: the handler is blocked.
  EXPECT_EQ(server.run().wait_for(100ms), std::future_status::timeout);
  EXPECT_TRUE(idle.Closed());  // idle connections close at once
  Client late(server.port());
  EXPECT_FALSE(late.connected() && late.Send(Get("/healthz")) && late.Read());  // no longer accepting
  gate.open = true;

  auto reply = busy.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->headers["Connection"], "close");
  EXPECT_EQ(server.run().wait_for(5s), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - stop_at, 5s);  // well under the drain timeout
}

TEST(HttpServerTest, StartFailsOnBusyPort) {
  Router router;
  RunningServer first(router, {});
  HttpServer second({.host = "127.0.0.1", .port = first.port(), .handle_signals = false, .quiet = true},
                    router);
  Status status = second.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "server.listen_failed");
}

}  // namespace
}  // namespace concord::http
