// PostgresStore: ports::Store on a PostgreSQL 15 database, for one or many
// helpdesk instances sharing it.
//
// Every call borrows a pooled connection (PostgresPool) and runs on the
// calling thread. Read() runs its function inside BEGIN ISOLATION LEVEL
// REPEATABLE READ READ ONLY: one consistent snapshot. Write() runs it inside
// a READ COMMITTED read-write transaction; concurrency comes from the pool,
// not from batching, and the rules that must hold across instances
// (optimistic ticket versions, idempotency keys, unique e-mails) are the
// database's constraints and conditional updates.
//
// Retries: a transaction that fails with a serialization failure or a
// deadlock is run again, up to max_attempts times; a write that hit a unique
// violation is run once more, so a request racing an identical one (the same
// Idempotency-Key) finds the winner's row instead of failing. Functions given
// to Write() must therefore be safe to run again: they compute from their
// inputs and the transaction, and publish results only through captures they
// overwrite. A connection lost before the transaction started is replaced
// and the call retried once; lost later, the call gives kUnavailable (after
// COMMIT was sent the outcome is unknown, so it is never retried).
// Migrations are applied at Open() under an advisory lock.
//
// Thread behaviour: Read, Write and Ping are thread-safe and blocking. The
// destructor waits for the calls in progress.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "storage/postgres/pg_pool.hpp"

namespace hd::storage {

struct PostgresOptions {
  std::string url;  // postgresql://user[:password]@host:port/dbname[?param=value…]
  // Connections opened at most, shared by reads and writes. Default 16.
  std::size_t pool_size = 16;
  // How long a call waits for a free connection before kUnavailable. Default 5 s.
  std::chrono::milliseconds acquire_timeout{5000};
  // How long opening a connection may take, in seconds. Default 5.
  int connect_timeout_seconds = 5;
  // Runs of one transaction at most when the database asks for a retry. Default 5.
  int max_attempts = 5;
};

class PostgresStore final : public core::ports::Store {
 public:
  // Connects and applies pending migrations. kUnavailable when the server
  // cannot be reached; kInternal when a migration fails; kInvalidArgument
  // for a malformed URL.
  static Result<std::unique_ptr<PostgresStore>> Open(const PostgresOptions& options);

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  Status Read(const core::ports::TxFn& fn) override;
  Status Write(const core::ports::TxFn& fn) override;
  Status Ping() override;

  PostgresPoolStats pool_stats() const { return pool_->stats(); }

 private:
  enum class Outcome { kDone, kRetry, kReconnect };
  struct Attempt;

  explicit PostgresStore(const PostgresOptions& options);
  Status Run(const core::ports::TxFn& fn, bool write);
  Outcome RunOnce(const core::ports::TxFn& fn, bool write, bool first, Attempt& attempt);

  const int max_attempts_;
  std::unique_ptr<PostgresPool> pool_;
};

}  // namespace hd::storage
