// The Beast side of the server: reads requests with limits and timeouts,
// hands them to Api on the worker pool, writes the responses. Shaped like
// Beast's http_server_awaitable example, with `expires_after` before every
// read (Boost 1.81 has no cancel_after).
#include "http/connection.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <random>

#include "http/event_stream_io.hpp"
#include "http/problem.hpp"
#include "http/security_headers.hpp"

namespace hd::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 8 * 1024;
constexpr std::chrono::seconds kLingerTimeout{2};

// A process-unique request id: a random prefix and a counter.
std::string NextRequestId() {
  static const std::uint32_t prefix = std::random_device{}();
  static std::atomic<std::uint64_t> counter{0};
  return fmt::format("{:08x}-{:x}", prefix, counter.fetch_add(1) + 1);
}

Request ToRequest(bhttp::request<bhttp::string_body>&& message, const std::string& remote,
                  std::string id) {
  Request request;
  request.method = std::string(message.method_string());
  std::string_view target = message.target();
  std::size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request.body = std::move(message.body());
  request.remote_address = remote;
  request.id = std::move(id);
  return request;
}

bhttp::response<bhttp::string_body> ToBeast(Response&& response, const Request& request,
                                            bool keep_alive) {
  AddSecurityHeaders(response);
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), 11};
  for (auto& [name, value] : response.headers) message.insert(name, value);
  message.set(bhttp::field::server, "helpdesk");
  message.set("X-Request-Id", request.id);
  message.keep_alive(keep_alive);
  if (request.method == "HEAD") {
    message.content_length(response.body.size());
  } else {
    message.body() = std::move(response.body);
    message.prepare_payload();
  }
  return message;
}

// The answer to a request the parser refused, or nullopt when the
// connection should just close (peer gone, timeout, shutdown).
std::optional<Response> ParseFailure(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) {
    return ProblemResponse(431, "header-too-large", "the request header exceeds the limit");
  }
  if (ec == bhttp::error::body_limit) {
    return ProblemResponse(413, "too-large", "the request body exceeds the limit");
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
    return ProblemResponse(400, "bad-request",
                           "the request is not valid HTTP/1.1: " + ec.message());
  }
  return std::nullopt;
}

void LogRequest(const Request& request, const Response& response, std::string_view route,
                Clock::time_point started, Metrics& metrics) {
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  metrics.RequestFinished(route, request.method, response.status, seconds);
  spdlog::info("request id={} method={} route={} status={} duration_ms={:.2f} bytes={}", request.id,
               request.method, route, response.status, seconds * 1000.0, response.body.size());
}

struct ConnectionState {
  beast::tcp_stream* stream = nullptr;
  bool busy = false;  // touched on the connection's strand only
};

}  // namespace

std::uint64_t ConnectionRegistry::Add(std::function<void()> close_if_idle) {
  std::lock_guard lock(mu_);
  std::uint64_t id = next_id_++;
  connections_.emplace(id, std::move(close_if_idle));
  return id;
}

void ConnectionRegistry::Remove(std::uint64_t id) {
  std::lock_guard lock(mu_);
  connections_.erase(id);
  if (connections_.empty()) empty_.notify_all();
}

void ConnectionRegistry::CloseIdle() {
  std::lock_guard lock(mu_);
  for (auto& [id, close] : connections_) close();
}

bool ConnectionRegistry::WaitEmpty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return empty_.wait_until(lock, deadline, [&] { return connections_.empty(); });
}

namespace {

// Waits for the first bytes of the next request (idle keep-alive time).
// False when the connection should close.
asio::awaitable<bool> WaitForRequest(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     std::chrono::milliseconds timeout) {
  if (buffer.size() > 0) co_return true;
  stream.expires_after(timeout);
  auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kReadChunk), kUseTuple);
  if (ec) co_return false;
  buffer.commit(n);
  co_return true;
}

struct ReadOutcome {
  std::optional<bhttp::request<bhttp::string_body>> message;
  std::optional<Response> failure;  // answer, then close
};

// Reads one request: its header within header_timeout, all of it within
// request_timeout, both counted from `started`.
asio::awaitable<ReadOutcome> ReadRequest(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         const ServerOptions& options, Clock::time_point started) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(options.max_body_bytes);
  stream.expires_at(started + options.header_timeout);
  auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
  if (!ec && !parser.is_done()) {
    const auto& header = parser.get();
    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream.expires_at(started + options.request_timeout);
      std::tie(ec, n) = co_await asio::async_write(stream, asio::buffer(kContinue), kUseTuple);
    }
    if (!ec) {
      stream.expires_at(started + options.request_timeout);
      std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
    }
  }
  ReadOutcome outcome;
  if (ec) {
    outcome.failure = ParseFailure(ec);
  } else {
    outcome.message = parser.release();
  }
  co_return outcome;
}

// Writes `response`; false when the write failed.
asio::awaitable<bool> Write(beast::tcp_stream& stream, Response response, const Request& request,
                            bool keep_alive, const ServerOptions& options) {
  auto message = ToBeast(std::move(response), request, keep_alive);
  stream.expires_after(options.request_timeout);
  auto [ec, n] = co_await bhttp::async_write(stream, message, kUseTuple);
  co_return !ec;
}

// After refusing a request whose body was not read, reads and discards what
// the client still sends (bounded in time) before closing: closing with
// unread input would reset the connection and could destroy the answer
// before the client reads it.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  stream.expires_after(kLingerTimeout);
  std::array<char, kReadChunk> sink;
  for (;;) {
    auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kUseTuple);
    if (read_ec) co_return;
  }
}

// Runs the handler on a worker pool, off the I/O threads: reads on the small
// pool, changes on the large one.
asio::awaitable<Response> Handle(ServerContext& context, const Request& request) {
  const bool reads = request.method == "GET" || request.method == "HEAD";
  WorkerPool& pool = reads ? context.readers : context.writers;
  co_return co_await asio::co_spawn(
      pool.executor(),
      [&]() -> asio::awaitable<Response> { co_return context.api.Handle(request); },
      asio::use_awaitable);
}

asio::awaitable<void> Serve(beast::tcp_stream& stream, ConnectionState& state,
                            ServerContext& context, const std::string& remote) {
  beast::flat_buffer buffer;
  const ServerOptions& options = context.options;
  bool first = true;
  while (!context.draining.load()) {
    state.busy = false;
    if (!co_await WaitForRequest(stream, buffer,
                                 first ? options.header_timeout : options.idle_timeout)) {
      co_return;
    }
    state.busy = true;
    first = false;
    const auto started = Clock::now();
    ReadOutcome in = co_await ReadRequest(stream, buffer, options, started);
    if (!in.message && !in.failure) co_return;
    const bool refused = in.failure.has_value();
    const bool wants_keep_alive = in.message && in.message->keep_alive();
    context.metrics.RequestStarted();
    Request request;
    Response response;
    if (in.message) {
      request = ToRequest(std::move(*in.message), remote, NextRequestId());
      response = co_await Handle(context, request);
    } else {
      request.id = NextRequestId();
      response = std::move(*in.failure);
      response.route = "-";
    }
    const bool keep_alive = wants_keep_alive && !context.draining.load();
    LogRequest(request, response, response.route, started, context.metrics);
    if (response.stream) {  // Server-Sent Events: the connection stays with the stream
      co_await ServeStream(stream, std::move(response), request, context, state.busy);
      co_return;
    }
    const bool written = co_await Write(stream, std::move(response), request, keep_alive, options);
    if (written && refused) co_await LingeringClose(stream);
    if (!written || !keep_alive) co_return;
  }
}

}  // namespace

asio::awaitable<void> RunConnection(asio::ip::tcp::socket socket, ServerContext& context) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  const std::string remote = ec ? std::string() : endpoint.address().to_string();
  auto executor = socket.get_executor();
  beast::tcp_stream stream(std::move(socket));
  auto state = std::make_shared<ConnectionState>();
  state->stream = &stream;
  const std::uint64_t id = context.registry.Add([state, executor] {
    asio::post(executor, [state] {
      beast::error_code ignored;
      if (state->stream != nullptr && !state->busy) state->stream->socket().close(ignored);
    });
  });
  try {
    co_await Serve(stream, *state, context, remote);
  } catch (const std::exception& e) {
    spdlog::error("connection from {} failed: {}", remote, e.what());
  }
  state->stream = nullptr;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  stream.socket().close(ec);
  context.registry.Remove(id);
  context.metrics.ConnectionClosed();
}

asio::awaitable<void> RejectConnection(asio::ip::tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  Request request;
  request.id = NextRequestId();
  Response response =
      ProblemResponse(503, "too-many-connections", "the server has too many open connections");
  auto message = ToBeast(std::move(response), request, false);
  stream.expires_after(std::chrono::seconds(2));
  co_await bhttp::async_write(stream, message, kUseTuple);
  beast::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace hd::http
