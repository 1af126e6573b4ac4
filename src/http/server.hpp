// Server: the HTTP/1.1 server of the help desk — the JSON API under /api/v1,
// the static web front end, /healthz, /readyz and /metrics.
//
// I/O runs on `io_threads` threads (one coroutine per connection); every
// request is handled on a separate worker pool, because the use cases block
// on the database: `read_worker_threads` for GET and HEAD,
// `worker_threads` for the rest. Each limit below has its own clear answer:
// oversize header 431, oversize body 413, too many connections 503, slow or
// half-open clients are disconnected by the timeouts.
//
// Thread behaviour: Start() and Run() are called from one thread; Stop() and
// port() from any thread. The Services passed to Start() must outlive the
// Server. This header keeps Beast and Asio out (pimpl).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "core/error.hpp"
#include "http/web/web_app.hpp"

namespace hd::service {
struct Services;
}

namespace hd::http {

struct ServerOptions {
  // "host:port" to listen on; "[::1]:8080" for IPv6. Port 0 picks a free
  // port (see Server::port()). Default "127.0.0.1:8080".
  std::string listen = "127.0.0.1:8080";
  // Threads running network I/O. Default 2.
  int io_threads = 2;
  // Threads running the handlers of changing requests (POST, PATCH, PUT,
  // DELETE), which block until their commit is durable: enough of them to
  // fill a group commit. Default 64.
  int worker_threads = 64;
  // Threads running the handlers of GET and HEAD requests, which never wait
  // for the writer (at most for one WAL sync in flight). Default 8.
  int read_worker_threads = 8;
  // Largest request line plus headers, in bytes; beyond: 431. Default 16 KiB.
  std::size_t max_header_bytes = 16 * 1024;
  // Largest request body, in bytes; beyond: 413. Default 32 MiB (attachments
  // are up to 25 MB each, and multipart adds a little).
  std::uint64_t max_body_bytes = 32ull * 1024 * 1024;
  // Time to receive a request's header once it has started. Default 10 s.
  std::chrono::milliseconds header_timeout = std::chrono::seconds(10);
  // Time to receive a whole request (header and body), and to send a
  // response. Default 60 s.
  std::chrono::milliseconds request_timeout = std::chrono::seconds(60);
  // How long a keep-alive connection may wait for its next request.
  // Default 30 s.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);
  // Open connections at most; a connection beyond gets 503 and is closed.
  // Default 4096.
  std::size_t max_connections = 4096;
  // On shutdown, how long in-flight requests may take to finish. Default 20 s.
  std::chrono::milliseconds drain_timeout = std::chrono::seconds(20);
  // The web app's files, served outside /api/ ("/" is index.html).
  // Default none.
  std::span<const WebFile> web_app;
  // A folder served instead of web_app (development). Default empty.
  std::filesystem::path web_root;
  // Adds Secure to the session cookie; set when served over HTTPS. Default false.
  bool secure_cookies = false;
  // More Prometheus text for /metrics (the store's own counters); called on
  // every scrape, from any thread. Default none.
  std::function<std::string()> more_metrics;
};

class Server {
 public:
  // Binds the listening socket and starts serving at once. kInvalidArgument
  // (field "listen") for a malformed address; kUnavailable when the address
  // cannot be bound (in use, no permission).
  static Result<std::unique_ptr<Server>> Start(service::Services& services, ServerOptions options);

  // Stops (as Stop() then Run()) if still running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the chosen one when `listen` asked for port 0).
  std::uint16_t port() const;

  // Blocks until SIGTERM or SIGINT arrives or Stop() is called; then stops
  // accepting, answers 503 on /readyz, closes idle connections, lets
  // in-flight requests finish within drain_timeout, and closes the rest.
  void Run();

  // Asks Run() to shut down; returns at once. Thread-safe, idempotent.
  void Stop();

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hd::http
