#include "storage/sqlite/reader_pool.hpp"

#include <exception>
#include <utility>

namespace hd::storage {

// Gives the borrowed slot back on every path out of Run().
class ReaderPool::Lease {
 public:
  explicit Lease(ReaderPool& pool) : pool_(pool), slot_(pool.Acquire()) {}
  ~Lease() { pool_.Release(slot_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Slot& slot() const { return *slot_; }

 private:
  ReaderPool& pool_;
  Slot* slot_;
};

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const SqliteConnectionOptions& options,
                                                     std::size_t size,
                                                     const CommitHorizon* horizon) {
  std::unique_ptr<ReaderPool> pool(new ReaderPool());
  pool->horizon_ = horizon;
  SqliteConnectionOptions reader = options;
  reader.read_only = true;
  for (std::size_t i = 0; i < (size == 0 ? 1 : size); ++i) {
    auto slot = std::make_unique<Slot>();
    HD_ASSIGN_OR_RETURN(slot->conn, SqliteConnection::Open(reader));
    slot->tx = std::make_unique<SqlTx>(*slot->conn);
    pool->free_.push_back(slot.get());
    pool->slots_.push_back(std::move(slot));
  }
  return pool;
}

ReaderPool::Slot* ReaderPool::Acquire() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [&] { return !free_.empty(); });
  Slot* slot = free_.back();
  free_.pop_back();
  return slot;
}

void ReaderPool::Release(Slot* slot) {
  // Notify under the lock: once the last slot is back, the destructor may
  // destroy freed_.
  std::lock_guard lock(mu_);
  free_.push_back(slot);
  freed_.notify_all();
}

ReaderPool::~ReaderPool() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [&] { return free_.size() == slots_.size(); });
}

Status ReaderPool::BeginSnapshot(SqliteConnection& conn) {
  HD_RETURN_IF_ERROR(conn.Run("BEGIN"));
  if (horizon_ == nullptr) return Ok();
  // BEGIN is deferred: the first read takes the snapshot. Every commit in it
  // had begun before this point, so waiting for those begun now covers it.
  HD_RETURN_IF_ERROR(conn.Run("SELECT 1 FROM sqlite_schema LIMIT 1"));
  auto durable = horizon_->AwaitBegunCommits();
  if (!durable.ok()) (void)conn.Run("ROLLBACK");
  return durable;
}

Status ReaderPool::Run(const core::ports::TxFn& fn) {
  Lease lease(*this);
  SqliteConnection& conn = *lease.slot().conn;
  HD_RETURN_IF_ERROR(BeginSnapshot(conn));
  Status result = Ok();
  try {
    result = fn(*lease.slot().tx);
  } catch (const std::exception& e) {
    result = Error::Internal(std::string("read function threw: ") + e.what());
  } catch (...) {
    result = Error::Internal("read function threw a non-standard exception");
  }
  // Nothing was written, so COMMIT and ROLLBACK are the same; ROLLBACK also
  // ends a transaction that a failed statement left half-open.
  auto end = conn.Run(result.ok() ? "COMMIT" : "ROLLBACK");
  if (!end.ok() && conn.InTransaction()) (void)conn.Run("ROLLBACK");
  if (!result.ok()) return result;
  return end;
}

Status ReaderPool::WithConnection(const std::function<Status(Connection&)>& fn) {
  Lease lease(*this);
  return fn(*lease.slot().conn);
}

}  // namespace hd::storage
