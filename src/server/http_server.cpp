// The only translation unit that includes Boost.Beast.
//
// Threads: `threads` I/O threads run one io_context; every connection is a coroutine on its own strand.
// Handlers are synchronous and may block on a database, so they run on a separate worker pool and the
// connection's coroutine awaits the result: a slow handler holds one worker, never an I/O thread.
// Only /healthz, which cannot block, is answered on the I/O thread.
#include "server/http_server.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "server/access_log.h"
#include "server/forwarded.h"
#include "server/metrics.h"
#include "server/static_files.h"

namespace concord::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

// What Stop() needs to reach a connection: its strand, its stream while alive, and whether it waits
// for a next request (then it can be closed without losing anything).
struct Connection {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;  // null once the session ended; touched only on `executor`
  bool idle = false;
};

// A syntax error worth a 400, as opposed to the client going away mid-request.
bool IsHttpParseError(const beast::error_code& ec) {
  return &ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

// Converts Beast's request into ours. False when the target is not an origin-form URL.
bool ToRequest(BeastRequest& in, const std::string& remote, const std::vector<std::string>& trusted_proxies,
               Request* out) {
  out->method = std::string(in.method_string());
  out->target = std::string(in.target());
  auto url = boost::urls::parse_origin_form(in.target());
  if (!url) return false;
  out->path = url->path();
  // Forms send spaces as '+' (application/x-www-form-urlencoded), and so do many API clients.
  for (auto param : url->params(boost::urls::encoding_opts(true))) {
    out->query.emplace(param.key, param.value);
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    auto [it, inserted] = out->headers.emplace(name, std::string(field.value()));
    if (!inserted) {  // RFC 9110 §5.3 combines repeated fields with ","; Cookie uses "; " (RFC 6265 §5.4)
      it->second += beast::iequals(name, "cookie") ? "; " : ", ";
      it->second += field.value();
    }
  }
  out->body = std::move(in.body());
  auto id = out->headers.find("X-Request-Id");
  out->request_id = id != out->headers.end() && IsValidRequestId(id->second) ? id->second : NewRequestId();
  auto header = [&](const char* name) -> std::optional<std::string_view> {
    auto found = out->headers.find(name);
    return found == out->headers.end() ? std::nullopt : std::optional<std::string_view>(found->second);
  };
  Origin origin = ResolveOrigin(remote, header("X-Forwarded-For"), header("X-Forwarded-Proto"), trusted_proxies);
  out->remote_address = std::move(origin.address);
  out->secure = origin.secure;
  return true;
}

bool IsGetOrHead(const Request& request) { return request.method == "GET" || request.method == "HEAD"; }

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

class HttpServer::Impl {
 public:
  Impl(Options options, const Router& router)
      : options_(std::move(options)),
        router_(router),
        static_files_(options_.static_dir),
        metrics_(options_.metrics ? options_.metrics : &metrics::Registry::Default()),
        io_threads_(options_.threads > 0
                        ? options_.threads
                        : std::max(2, static_cast<int>(std::thread::hardware_concurrency()))),
        io_(io_threads_),
        accept_strand_(asio::make_strand(io_)),
        acceptor_(accept_strand_),
        signals_(io_) {
    if (!options_.quiet) {
      access_log_ = options_.access_log;
      if (!access_log_) {
        // Not registered with spdlog: two servers in one process must not collide on the name.
        access_log_ = std::make_shared<spdlog::logger>("concord.access",
                                                       std::make_shared<spdlog::sinks::stderr_sink_mt>());
        access_log_->set_pattern("%v");
      }
    }
  }

  Status Start() {
    beast::error_code ec;
    asio::ip::address address = asio::ip::make_address(options_.host, ec);
    tcp::endpoint endpoint;
    if (!ec) {
      endpoint = tcp::endpoint(address, options_.port);
    } else {
      tcp::resolver resolver(io_);
      auto results = resolver.resolve(options_.host, std::to_string(options_.port), ec);
      if (ec || results.empty()) return ListenError("cannot resolve " + options_.host, ec);
      endpoint = results.begin()->endpoint();
    }
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return ListenError("cannot listen on " + options_.host + ":" + std::to_string(options_.port), ec);
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(accept_strand_, Accept(), asio::detached);
    if (options_.handle_signals) {
      signals_.add(SIGINT);
      signals_.add(SIGTERM);
      signals_.async_wait([this](const beast::error_code& error, int) {
        if (!error) Stop();
      });
    }
    started_ = true;
    return {};
  }

  void Run() {
    if (!started_) return;
    int handler_threads =
        options_.handler_threads > 0 ? options_.handler_threads : std::max(8, 4 * io_threads_);
    pool_ = std::make_unique<asio::thread_pool>(handler_threads);
    auto work = asio::make_work_guard(io_);
    std::vector<std::thread> threads;
    for (int i = 0; i < io_threads_; ++i) threads.emplace_back([this] { io_.run(); });

    std::unique_lock lock(mutex_);
    stop_cv_.wait(lock, [this] { return stop_requested_; });
    // Stop accepting, then close the connections that wait for a request; the others close after
    // answering the request they are working on (Session checks stopping_ on the same strand).
    stopping_ = true;
    asio::post(accept_strand_, [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
    });
    asio::post(io_, [this] { signals_.clear(); });
    for (const auto& connection : connections_) {
      asio::post(connection->executor, [connection] {
        if (connection->idle && connection->stream) connection->stream->cancel();
      });
    }
    if (!drained_cv_.wait_for(lock, options_.drain_timeout, [this] { return connections_.empty(); })) {
      spdlog::warn("http: {} connection(s) still busy after the {} s drain timeout; closing them",
                   connections_.size(), options_.drain_timeout.count());
    }
    lock.unlock();
    work.reset();
    io_.stop();
    for (std::thread& thread : threads) thread.join();
    pool_->join();  // waits for a handler that is still blocked (see the header)
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
    stop_cv_.notify_all();
  }

  uint16_t port() const { return port_; }

 private:
  Status ListenError(const std::string& what, const beast::error_code& ec) {
    return Error{ErrorKind::kUnavailable, "server.listen_failed", what + ": " + ec.message(), {}};
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(io_), kNoThrow);
      if (ec == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
      if (ec) {
        // Typically EMFILE: back off instead of spinning, the condition may clear.
        spdlog::warn("http: accept failed: {}", ec.message());
        asio::steady_timer timer(accept_strand_, std::chrono::milliseconds(100));
        co_await timer.async_wait(kNoThrow);
        continue;
      }
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto executor = socket.get_executor();
      asio::co_spawn(executor, Session(tcp::socket(std::move(socket))), asio::detached);
    }
  }

  // Registers a connection for Stop() for as long as its session lives.
  class Registration {
   public:
    Registration(Impl* impl, std::shared_ptr<Connection> connection)
        : impl_(impl), connection_(std::move(connection)) {
      std::lock_guard lock(impl_->mutex_);
      impl_->connections_.insert(connection_);
      stopping_ = impl_->stopping_;
    }
    ~Registration() {
      connection_->stream = nullptr;
      std::lock_guard lock(impl_->mutex_);
      impl_->connections_.erase(connection_);
      impl_->drained_cv_.notify_all();
    }
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;
    bool stopping() const { return stopping_; }

   private:
    Impl* impl_;
    std::shared_ptr<Connection> connection_;
    bool stopping_ = false;
  };

  asio::awaitable<void> Session(tcp::socket socket) {
    auto connection = std::make_shared<Connection>();
    connection->executor = socket.get_executor();
    beast::error_code ec;
    auto peer = socket.remote_endpoint(ec);
    const std::string remote = ec ? std::string() : peer.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    connection->stream = &stream;
    Registration registration(this, connection);  // destroyed before `stream`
    if (registration.stopping()) co_return;

    beast::flat_buffer buffer;
    for (;;) {
      // Wait for the first byte of the next request under the idle timeout; Stop() may cancel this.
      connection->idle = true;
      if (stopping_) co_return;
      if (buffer.size() == 0) {
        stream.expires_after(options_.idle_timeout);
        auto [read_ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kNoThrow);
        if (read_ec) co_return;  // closed, timed out or cancelled: nothing to answer
        buffer.commit(n);
      }
      connection->idle = false;
      if (!co_await ServeOne(stream, buffer, remote)) co_return;
    }
  }

  // Reads, answers and logs one request. False when the connection must close.
  asio::awaitable<bool> ServeOne(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                 const std::string& remote) {
    stream.expires_after(options_.read_timeout);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options_.header_limit, UINT32_MAX)));
    parser.body_limit(options_.body_limit);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
    const auto start = std::chrono::steady_clock::now();
    if (ec == bhttp::error::header_limit) {
      co_await Reject(stream, 431, "Request Header Fields Too Large", "request.headers_too_large",
                      "The request head exceeds " + std::to_string(options_.header_limit) + " bytes.",
                      remote);
      co_return false;
    }
    if (ec == bhttp::error::body_limit) {  // Beast checks Content-Length against the limit in the header
      co_await RejectTooLarge(stream, remote);
      co_return false;
    }
    if (ec) {
      if (IsHttpParseError(ec)) {
        co_await Reject(stream, 400, "Bad Request", "request.malformed",
                        "Malformed HTTP request: " + ec.message() + ".", remote);
      }
      co_return false;
    }
    if (!parser.is_done()) {
      if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        auto [write_ec, written] = co_await asio::async_write(stream, asio::buffer(kContinue), kNoThrow);
        if (write_ec) co_return false;
      }
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      if (body_ec == bhttp::error::body_limit) {
        co_await RejectTooLarge(stream, remote);
        co_return false;
      }
      if (body_ec) co_return false;
    }
    stream.expires_never();  // a slow handler is not the client's fault; the write sets its own

    BeastRequest& beast_request = parser.get();
    const unsigned version = beast_request.version();
    const bool client_keep_alive = beast_request.keep_alive();
    Request request;
    Response response;
    std::string route;
    if (!ToRequest(beast_request, remote, options_.trusted_proxies, &request)) {
      response = Response::ProblemWithStatus(
          400, "Bad Request", Error::BadRequest("request.bad_target", "The request target is not a path."));
      route = "unmatched";
    } else if (request.path == "/healthz" && IsGetOrHead(request)) {
      route = "/healthz";
      // 503 while draining tells a load balancer to stop sending before the listener closes.
      response =
          stopping_ ? Response::Json({{"status", "draining"}}, 503) : Response::Json({{"status", "ok"}});
    } else {
      response =
          co_await asio::co_spawn(pool_->get_executor(), HandleOnPool(request, &route), asio::use_awaitable);
    }
    if (route.empty()) route = "unmatched";  // 404/405: never the raw path, it would explode the metric
    const bool keep_alive = client_keep_alive && !stopping_;
    const std::size_t bytes = response.body.size();
    const int status = response.status;
    BeastResponse out = ToBeast(std::move(response), version, keep_alive, request);
    // Counted before writing, so a client that reads /metrics after a response always sees it.
    Finish(request, route, status, request.method == "HEAD" ? 0 : bytes, start);
    stream.expires_after(options_.read_timeout);
    auto [write_ec, written] = co_await bhttp::async_write(stream, out, kNoThrow);
    co_return !write_ec && keep_alive;
  }

  asio::awaitable<Response> HandleOnPool(const Request& request, std::string* route) {
    co_return Handle(request, route);
  }

  // Runs on the worker pool.
  Response Handle(const Request& request, std::string* route) {
    try {
      if (request.path == "/metrics" && IsGetOrHead(request)) {
        *route = "/metrics";
        return Response::Text(metrics_->Render(), "text/plain; version=0.0.4; charset=utf-8");
      }
      if (static_files_.enabled() && IsGetOrHead(request) && !IsApiPath(request.path) &&
          !router_.HasPath(request.path)) {
        *route = "static";
        return *static_files_.Serve(request);
      }
      return router_.Dispatch(request, route);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                    e.what());
    }
    return Response::Problem(Error::Internal(
        "internal", "An unexpected error occurred; quote request id " + request.request_id + "."));
  }

  static BeastResponse ToBeast(Response response, unsigned version, bool keep_alive, const Request& request) {
    BeastResponse out{static_cast<bhttp::status>(response.status), version};
    for (auto& [name, value] : response.headers) out.set(name, value);
    if (!request.request_id.empty()) out.set("X-Request-Id", request.request_id);
    out.set(bhttp::field::date, HttpDate(std::chrono::system_clock::now()));
    out.keep_alive(keep_alive);
    const bool no_body = response.status == 204 || response.status == 304 || response.status < 200;
    if (!no_body) out.body() = std::move(response.body);
    out.prepare_payload();
    // HEAD: the same headers as GET, Content-Length included, and no body (RFC 9110 §9.3.2).
    if (request.method == "HEAD") out.body().clear();
    return out;
  }

  void Finish(const Request& request, const std::string& route, int status, std::size_t bytes,
              std::chrono::steady_clock::time_point start) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    metrics_->RecordHttpRequest(route, request.method.empty() ? "-" : request.method, status,
                                elapsed.count());
    if (!access_log_) return;
    access_log_->info(AccessLogLine({.ts = std::chrono::system_clock::now(),
                                     .request_id = request.request_id,
                                     .method = request.method,
                                     .path = request.path,
                                     .route = route,
                                     .status = status,
                                     .bytes = bytes,
                                     .duration_ms = elapsed.count() * 1000,
                                     .remote = request.remote_address}));
  }

  asio::awaitable<void> RejectTooLarge(beast::tcp_stream& stream, const std::string& remote) {
    co_await Reject(stream, 413, HttpTitle(ErrorKind::kPayloadTooLarge), "request.body_too_large",
                    "The request body exceeds " + std::to_string(options_.body_limit) + " bytes.", remote);
  }

  // Answers a request that could not be read whole, then closes the connection.
  asio::awaitable<void> Reject(beast::tcp_stream& stream, int status, std::string_view title,
                               const std::string& code, const std::string& detail,
                               const std::string& remote) {
    const auto start = std::chrono::steady_clock::now();
    Request request;
    request.request_id = NewRequestId();
    request.remote_address = remote;
    Response response = Response::ProblemWithStatus(status, title, Error::BadRequest(code, detail));
    BeastResponse out = ToBeast(std::move(response), 11, false, request);
    Finish(request, "unmatched", status, out.body().size(), start);
    stream.expires_after(std::chrono::seconds(5));
    auto [ec, n] = co_await bhttp::async_write(stream, out, kNoThrow);
    if (ec) co_return;
    // Lingering close: the client may still be sending the body we refused. Closing with unread data
    // makes the kernel send RST, which can destroy our response in the client's receive buffer before
    // it reads it. So stop sending, then discard input for a moment.
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 16384> discard;
    std::size_t total = 0;
    while (total < 8 * 1024 * 1024) {
      auto [read_ec, read] = co_await stream.async_read_some(asio::buffer(discard), kNoThrow);
      if (read_ec) break;
      total += read;
    }
  }

  Options options_;
  const Router& router_;
  StaticFiles static_files_;
  metrics::Registry* metrics_;
  std::shared_ptr<spdlog::logger> access_log_;
  const int io_threads_;
  uint16_t port_ = 0;
  bool started_ = false;

  std::mutex mutex_;
  std::condition_variable stop_cv_;                    // Stop() -> Run()
  std::condition_variable drained_cv_;                 // a connection ended
  bool stop_requested_ = false;                        // guarded by mutex_
  std::set<std::shared_ptr<Connection>> connections_;  // guarded by mutex_
  std::atomic<bool> stopping_{false};                  // written under mutex_, read anywhere

  std::unique_ptr<asio::thread_pool> pool_;
  // Declared last so it is destroyed first: destroying it destroys suspended sessions, whose
  // Registration still needs mutex_ and connections_.
  asio::io_context io_;
  asio::strand<asio::io_context::executor_type> accept_strand_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
};

HttpServer::HttpServer(Options options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Start() { return impl_->Start(); }
void HttpServer::Run() { impl_->Run(); }
void HttpServer::Stop() { impl_->Stop(); }
uint16_t HttpServer::port() const { return impl_->port(); }

}  // namespace concord::http
