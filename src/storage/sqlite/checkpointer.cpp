#include "storage/sqlite/checkpointer.hpp"

#include <pthread.h>

#include <utility>

namespace hd::storage {

Checkpointer::Checkpointer(std::unique_ptr<SqliteConnection> conn) : conn_(std::move(conn)) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "hd-ckpt");
    Loop();
  });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::uint64_t Checkpointer::Ask() {
  std::uint64_t covering = 0;
  {
    std::lock_guard lock(mu_);
    wanted_ = true;
    covering = started_ + 1;
  }
  wake_.notify_one();
  return covering;
}

std::uint64_t Checkpointer::finished() const {
  std::lock_guard lock(mu_);
  return finished_;
}

std::unique_lock<std::mutex> Checkpointer::TryHold() {
  return std::unique_lock(running_, std::try_to_lock);
}

void Checkpointer::Loop() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || wanted_; });
    if (stopping_) return;
    wanted_ = false;
    ++started_;
    lock.unlock();
    {
      // A failure leaves the frames in the WAL: the writer's restart copies
      // them, and reports what is wrong.
      std::lock_guard pass(running_);
      (void)conn_->CheckpointPassive();
    }
    lock.lock();
    ++finished_;
  }
}

}  // namespace hd::storage
