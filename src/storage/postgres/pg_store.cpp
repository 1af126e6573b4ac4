#include "storage/postgres/pg_store.hpp"

#include <exception>
#include <thread>
#include <utility>

#include "storage/migrations.hpp"

namespace hd::storage {

namespace {

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr std::string_view kUniqueViolation = "23505";

Status CallGuarded(const core::ports::TxFn& fn, core::ports::Tx& tx) {
  try {
    return fn(tx);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("transaction function threw: ") + e.what());
  } catch (...) {
    return Error::Internal("transaction function threw");
  }
}

}  // namespace

struct PostgresStore::Attempt {
  Status status = Ok();
  bool conflict_retried = false;
};

PostgresStore::PostgresStore(const PostgresOptions& options)
    : max_attempts_(options.max_attempts < 1 ? 1 : options.max_attempts),
      pool_(std::make_unique<PostgresPool>(
          PostgresConnectionOptions{options.url, options.connect_timeout_seconds},
          options.pool_size, options.acquire_timeout)) {}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const PostgresOptions& options) {
  std::unique_ptr<PostgresStore> store(new PostgresStore(options));
  {
    HD_ASSIGN_OR_RETURN(auto lease, store->pool_->Acquire());
    HD_RETURN_IF_ERROR(ApplyMigrations(lease.conn()));
  }
  return store;
}

Status PostgresStore::Read(const core::ports::TxFn& fn) { return Run(fn, false); }

Status PostgresStore::Write(const core::ports::TxFn& fn) { return Run(fn, true); }

Status PostgresStore::Run(const core::ports::TxFn& fn, bool write) {
  Attempt attempt;
  bool reconnected = false;
  int runs = 0;
  while (true) {
    const Outcome outcome = RunOnce(fn, write, !reconnected && runs == 0, attempt);
    if (outcome == Outcome::kDone) return attempt.status;
    if (outcome == Outcome::kReconnect) {
      reconnected = true;
      continue;
    }
    if (++runs >= max_attempts_) return attempt.status;
    // Spread the retries of transactions that collided with each other.
    std::this_thread::sleep_for(std::chrono::milliseconds(runs));
  }
}

PostgresStore::Outcome PostgresStore::RunOnce(const core::ports::TxFn& fn, bool write, bool first,
                                              Attempt& attempt) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) {
    attempt.status = std::move(lease).error();
    return Outcome::kDone;
  }
  PostgresConnection& conn = lease->conn();
  Status begin = conn.Exec(write ? BeginWriteSql(Dialect::kPostgres) : kBeginRead);
  if (!begin.ok()) {
    attempt.status = std::move(begin);
    // Nothing ran yet: a connection that died while idle is safe to replace.
    return first && !conn.Healthy() ? Outcome::kReconnect : Outcome::kDone;
  }
  Status s = CallGuarded(fn, lease->tx());
  if (s.ok() && !conn.first_failure().empty()) {
    // The function went on after a failed statement: PostgreSQL has aborted
    // the transaction, so it cannot commit.
    s = TranslatePostgresError(conn.first_failure(), "the transaction was aborted by an error");
  }
  if (s.ok()) s = conn.Exec("COMMIT");
  const std::string failure = conn.first_failure();
  if (conn.InTransaction()) (void)conn.Exec("ROLLBACK");
  attempt.status = std::move(s);
  if (attempt.status.ok()) return Outcome::kDone;
  if (IsRetryableSqlState(failure)) return Outcome::kRetry;
  if (write && failure == kUniqueViolation && !attempt.conflict_retried) {
    attempt.conflict_retried = true;
    return Outcome::kRetry;
  }
  return Outcome::kDone;
}

Status PostgresStore::Ping() {
  for (int tries = 0;; ++tries) {
    HD_ASSIGN_OR_RETURN(auto lease, pool_->Acquire());
    Status s = lease.conn().Exec("SELECT 1");
    if (s.ok() || tries > 0 || lease.conn().Healthy()) return s;
  }
}

}  // namespace hd::storage
