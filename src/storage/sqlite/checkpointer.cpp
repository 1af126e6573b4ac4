#include "storage/sqlite/checkpointer.hpp"

#include <pthread.h>

#include <utility>

namespace hd::storage {

Checkpointer::Checkpointer(std::unique_ptr<SqliteConnection> conn,
                           std::chrono::milliseconds interval)
    : conn_(std::move(conn)), interval_(interval) {
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "hd-checkpoint");
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
  // The writer has drained: fold the whole WAL into the database and empty it,
  // so a copied or backed-up database file is complete on its own.
  (void)conn_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void Checkpointer::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [&] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    // A busy or failed round leaves the frames in the WAL for the next one.
    (void)conn_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    lock.lock();
  }
}

}  // namespace hd::storage
