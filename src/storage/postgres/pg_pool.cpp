#include "storage/postgres/pg_pool.hpp"

#include <utility>

namespace hd::storage {

PostgresPool::Lease::Lease(PostgresPool* pool, std::unique_ptr<Slot> slot)
    : pool_(pool), slot_(std::move(slot)) {}

PostgresPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(std::move(other.slot_)) {}

PostgresPool::Lease::~Lease() {
  if (slot_) pool_->Release(std::move(slot_));
}

PostgresPool::PostgresPool(PostgresConnectionOptions options, std::size_t max_size,
                           std::chrono::milliseconds acquire_timeout)
    : options_(std::move(options)),
      max_size_(max_size == 0 ? 1 : max_size),
      acquire_timeout_(acquire_timeout) {}

PostgresPool::~PostgresPool() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return lent_ == 0; });
}

Result<std::unique_ptr<PostgresPool::Slot>> PostgresPool::Connect() {
  auto slot = std::make_unique<Slot>();
  HD_ASSIGN_OR_RETURN(slot->conn, PostgresConnection::Open(options_));
  slot->tx = std::make_unique<SqlTx>(*slot->conn);
  return slot;
}

Result<PostgresPool::Lease> PostgresPool::Acquire() {
  std::unique_ptr<Slot> slot;
  {
    std::unique_lock lock(mu_);
    const bool ready = changed_.wait_for(lock, acquire_timeout_,
                                         [&] { return !idle_.empty() || open_ < max_size_; });
    if (!ready) {
      return Error::Unavailable("all " + std::to_string(max_size_) +
                                " database connections are busy");
    }
    if (!idle_.empty()) {
      slot = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;
    }
    ++lent_;
  }
  if (slot && slot->conn->Healthy()) return Lease(this, std::move(slot));
  // A new connection, or one whose server went away while it was idle.
  slot.reset();
  auto fresh = Connect();
  if (!fresh.ok()) {
    std::lock_guard lock(mu_);
    --open_;
    --lent_;
    changed_.notify_all();
    return std::move(fresh).error();
  }
  return Lease(this, std::move(fresh).value());
}

void PostgresPool::Release(std::unique_ptr<Slot> slot) {
  // A connection that broke, or was left inside a transaction, is not reused.
  const bool reusable = slot->conn->Healthy() && !slot->conn->InTransaction();
  if (!reusable) slot.reset();
  std::lock_guard lock(mu_);
  if (reusable) {
    slot->conn->ClearFailure();
    idle_.push_back(std::move(slot));
  } else {
    --open_;
  }
  --lent_;
  changed_.notify_all();
}

PostgresPoolStats PostgresPool::stats() const {
  std::lock_guard lock(mu_);
  return PostgresPoolStats{open_, lent_};
}

}  // namespace hd::storage
