// WorkerPool: a fixed set of named threads that run posted handlers, off the
// I/O threads. The server keeps two: a small one for reading requests (GET,
// HEAD), whose handlers never wait on the writer, and a larger one for
// changing requests, whose handlers block until their group commit is
// durable. A small busy pool takes new work without waking a sleeping thread,
// which is most of the cost of a short request on a few cores.
//
// Internal to http/ (includes Asio). Thread-safe; Join() is called once, from
// the thread that owns the pool.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <string>
#include <thread>
#include <vector>

namespace hd::http {

class WorkerPool {
 public:
  // Starts `threads` threads (at least one) named "<name>-<n>" for top -H,
  // perf and gdb (names are cut to 15 characters by the system).
  WorkerPool(const std::string& name, int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  boost::asio::io_context::executor_type executor() { return io_.get_executor(); }

  // Lets the threads finish what was posted, then joins them.
  void Join();

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::vector<std::thread> threads_;
};

}  // namespace hd::http
