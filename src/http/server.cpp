// Server lifecycle: binding, the accept loop, the thread pools, signals and
// the bounded drain on shutdown. The per-connection code is connection.cpp.
#include "http/server.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "http/connection.hpp"
#include "service/services.hpp"

namespace hd::http {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// "127.0.0.1:8080", "[::1]:0", "0.0.0.0:80".
Result<tcp::endpoint> ParseListen(std::string_view listen) {
  auto bad = Error::InvalidArgument("listen must be host:port, e.g. 127.0.0.1:8080", "listen");
  std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos) return bad;
  std::string_view host = listen.substr(0, colon);
  std::string_view port_text = listen.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return bad;
  }
  boost::system::error_code address_ec;
  auto address = asio::ip::make_address(std::string(host), address_ec);
  if (address_ec) return bad;
  return tcp::endpoint(address, static_cast<std::uint16_t>(port));
}

}  // namespace

class Server::Impl {
 public:
  Impl(service::Services& services, ServerOptions options)
      : options_(std::move(options)),
        api_(services, ApiOptions{options_.web_app, options_.web_root, options_.secure_cookies},
             metrics_),
        readers_("hd-read", options_.read_worker_threads),
        writers_("hd-work", options_.worker_threads),
        acceptor_(asio::make_strand(io_)),
        context_{options_, api_, metrics_, readers_, writers_, registry_, draining_} {
    metrics_.AddSource(options_.more_metrics);
  }

  ~Impl() { Shutdown(); }

  Status Bind(const tcp::endpoint& endpoint);
  void StartThreads();
  std::uint16_t port() const { return port_; }
  void Run();
  void Stop();
  void Shutdown();

 private:
  asio::awaitable<void> Accept();

  ServerOptions options_;
  Metrics metrics_;
  Api api_;
  std::atomic<bool> draining_{false};
  ConnectionRegistry registry_;
  asio::io_context io_;
  WorkerPool readers_;
  WorkerPool writers_;
  tcp::acceptor acceptor_;
  ServerContext context_;
  std::vector<std::thread> io_threads_;
  std::uint16_t port_ = 0;

  std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stop_requested_ = false;  // guarded by mu_
  bool shut_down_ = false;       // guarded by mu_
};

Status Server::Impl::Bind(const tcp::endpoint& endpoint) {
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::Unavailable("cannot listen on " + options_.listen + ": " + ec.message());
  }
  port_ = acceptor_.local_endpoint().port();
  return Ok();
}

void Server::Impl::StartThreads() {
  asio::co_spawn(acceptor_.get_executor(), Accept(), asio::detached);
  const int count = std::max(1, options_.io_threads);
  for (int i = 0; i < count; ++i) {
    io_threads_.emplace_back([this, i] {
      pthread_setname_np(pthread_self(), ("hd-io-" + std::to_string(i)).c_str());
      io_.run();
    });
  }
  spdlog::info("http server listening on port {} ({} io threads, {} read and {} write workers)",
               port_, count, options_.read_worker_threads, options_.worker_threads);
}

asio::awaitable<void> Server::Impl::Accept() {
  asio::steady_timer backoff(acceptor_.get_executor());
  for (;;) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(io_),
                                                        asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (!acceptor_.is_open() || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());  // e.g. out of file descriptors
      backoff.expires_after(std::chrono::milliseconds(100));
      co_await backoff.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    auto executor = socket.get_executor();
    if (metrics_.open_connections() >= static_cast<std::int64_t>(options_.max_connections)) {
      metrics_.ConnectionRejected();
      asio::co_spawn(executor, RejectConnection(std::move(socket)), asio::detached);
      continue;
    }
    metrics_.ConnectionOpened();
    asio::co_spawn(executor, RunConnection(std::move(socket), context_), asio::detached);
  }
}

void Server::Impl::Run() {
  asio::signal_set signals(io_, SIGINT, SIGTERM);
  signals.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("received signal {}, shutting down", signal);
    Stop();
  });
  {
    std::unique_lock lock(mu_);
    stop_cv_.wait(lock, [this] { return stop_requested_; });
  }
  boost::system::error_code ignored;
  signals.cancel(ignored);
  Shutdown();
}

void Server::Impl::Stop() {
  std::lock_guard lock(mu_);
  stop_requested_ = true;
  stop_cv_.notify_all();
}

void Server::Impl::Shutdown() {
  {
    std::lock_guard lock(mu_);
    if (shut_down_) return;
    shut_down_ = true;
  }
  draining_.store(true);
  api_.SetDraining(true);
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  });
  registry_.CloseIdle();
  const auto deadline = std::chrono::steady_clock::now() + options_.drain_timeout;
  if (!registry_.WaitEmpty(deadline)) {
    spdlog::warn("drain timeout: closing {} connections with requests in flight",
                 metrics_.open_connections());
  }
  io_.stop();
  for (auto& thread : io_threads_) thread.join();
  io_threads_.clear();
  readers_.Join();
  writers_.Join();
  spdlog::info("http server stopped");
}

Result<std::unique_ptr<Server>> Server::Start(service::Services& services, ServerOptions options) {
  HD_ASSIGN_OR_RETURN(tcp::endpoint endpoint, ParseListen(options.listen));
  auto impl = std::make_unique<Impl>(services, std::move(options));
  HD_RETURN_IF_ERROR(impl->Bind(endpoint));
  impl->StartThreads();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;
std::uint16_t Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace hd::http
