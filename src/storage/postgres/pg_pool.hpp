// PostgresPool: a bounded set of connections to one PostgreSQL database,
// opened on demand and checked before each use.
//
// Acquire() lends a connection (with its SqlTx) for one transaction. A
// connection that went idle and lost its server (restart, failover,
// terminated backend) is noticed on the way out of the pool, without a round
// trip, and replaced by a fresh one; a connection that broke while lent is
// dropped when it comes back. So after the database returns, the pool heals
// by itself: no call needs a restart of the process.
//
// Thread-safe. The destructor waits for every lease to come back; no
// Acquire() may start once it has begun.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/repos/sql_tx.hpp"

namespace hd::storage {

struct PostgresPoolStats {
  std::size_t open = 0;    // connections open now (lent or idle)
  std::size_t in_use = 0;  // connections lent now
};

class PostgresPool {
 public:
  struct Slot {
    std::unique_ptr<PostgresConnection> conn;
    std::unique_ptr<SqlTx> tx;  // the repositories over conn
  };

  // A lent connection; gives it back when destroyed. Move-only.
  class Lease {
   public:
    Lease(PostgresPool* pool, std::unique_ptr<Slot> slot);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    PostgresConnection& conn() const { return *slot_->conn; }
    SqlTx& tx() const { return *slot_->tx; }

   private:
    PostgresPool* pool_;
    std::unique_ptr<Slot> slot_;
  };

  // `max_size` at least 1. Opens no connection yet.
  PostgresPool(PostgresConnectionOptions options, std::size_t max_size,
               std::chrono::milliseconds acquire_timeout);
  ~PostgresPool();
  PostgresPool(const PostgresPool&) = delete;
  PostgresPool& operator=(const PostgresPool&) = delete;

  // A healthy connection outside any transaction. Waits up to the acquire
  // timeout while all are lent. kUnavailable when the wait times out or the
  // server cannot be reached.
  Result<Lease> Acquire();

  PostgresPoolStats stats() const;

 private:
  void Release(std::unique_ptr<Slot> slot);
  Result<std::unique_ptr<Slot>> Connect();

  const PostgresConnectionOptions options_;
  const std::size_t max_size_;
  const std::chrono::milliseconds acquire_timeout_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Slot>> idle_;  // guarded by mu_
  std::size_t open_ = 0;                     // guarded by mu_; idle + lent + connecting
  std::size_t lent_ = 0;                     // guarded by mu_
};

}  // namespace hd::storage
