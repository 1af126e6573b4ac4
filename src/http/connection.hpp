// The per-connection coroutine of Server and the registry that lets a
// shutdown close idle connections. Internal to http/ (server.cpp and
// connection.cpp only): it includes Asio.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

#include "http/api.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"
#include "http/worker_pool.hpp"

namespace hd::http {

// Open connections, each with a function that closes it if it is waiting
// for a request (not in the middle of one). Thread-safe.
class ConnectionRegistry {
 public:
  std::uint64_t Add(std::function<void()> close_if_idle);
  void Remove(std::uint64_t id);
  // Calls every registered close function (each posts to its connection).
  void CloseIdle();
  // Waits until no connection is open or `deadline` passes; true when empty.
  bool WaitEmpty(std::chrono::steady_clock::time_point deadline);

 private:
  std::mutex mu_;
  std::condition_variable empty_;
  std::uint64_t next_id_ = 1;                                   // guarded by mu_
  std::map<std::uint64_t, std::function<void()>> connections_;  // guarded by mu_
};

// What every connection shares; owned by Server::Impl.
struct ServerContext {
  const ServerOptions& options;
  const Api& api;
  Metrics& metrics;
  WorkerPool& readers;  // GET and HEAD
  WorkerPool& writers;  // every other method
  ConnectionRegistry& registry;
  const std::atomic<bool>& draining;
};

// Serves one connection until the peer closes it, a timeout fires, an error
// occurs or the server drains. The socket's executor must be a strand.
// Counts the connection closed in Metrics when it ends (the caller counted
// it opened).
boost::asio::awaitable<void> RunConnection(boost::asio::ip::tcp::socket socket,
                                           ServerContext& context);

// Answers 503 problem+json to a connection over the limit and closes it.
boost::asio::awaitable<void> RejectConnection(boost::asio::ip::tcp::socket socket);

}  // namespace hd::http
