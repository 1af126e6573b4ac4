#include "http/worker_pool.hpp"

#include <pthread.h>

#include <algorithm>

namespace hd::http {

WorkerPool::WorkerPool(const std::string& name, int threads)
    : guard_(boost::asio::make_work_guard(io_)) {
  const int count = std::max(1, threads);
  threads_.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    std::string thread_name = (name + "-" + std::to_string(i)).substr(0, 15);
    threads_.emplace_back([this, thread_name] {
      pthread_setname_np(pthread_self(), thread_name.c_str());
      io_.run();
    });
  }
}

WorkerPool::~WorkerPool() { Join(); }

void WorkerPool::Join() {
  guard_.reset();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace hd::http
