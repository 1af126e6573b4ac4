#include "storage/sqlite/sqlite_store.hpp"

#include <utility>

#include "storage/migrations.hpp"
#include "storage/sqlite/commit_horizon.hpp"
#include "storage/sqlite/group_committer.hpp"
#include "storage/sqlite/reader_pool.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
  SqliteConnectionOptions conn_options;
  conn_options.path = options.path;
  conn_options.busy_timeout_ms = options.busy_timeout_ms;
  // The writer first: it creates the file, switches it to WAL and migrates it
  // before any reader looks at it.
  HD_ASSIGN_OR_RETURN(auto writer, SqliteConnection::Open(conn_options));
  HD_RETURN_IF_ERROR(ApplyMigrations(*writer));
  auto horizon = std::make_unique<CommitHorizon>();
  HD_ASSIGN_OR_RETURN(auto readers,
                      ReaderPool::Open(conn_options, options.reader_pool_size, horizon.get()));
  HD_ASSIGN_OR_RETURN(auto checkpointer, SqliteConnection::Open(conn_options));
  auto committer =
      std::make_unique<GroupCommitter>(std::move(writer), options.max_batch_size, *horizon, nullptr,
                                       options.wal_restart_frames, std::move(checkpointer));
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::move(horizon), std::move(readers), std::move(committer)));
}

SqliteStore::SqliteStore(std::unique_ptr<CommitHorizon> horizon,
                         std::unique_ptr<ReaderPool> readers,
                         std::unique_ptr<GroupCommitter> writer)
    : horizon_(std::move(horizon)), readers_(std::move(readers)), writer_(std::move(writer)) {}

// Members go in reverse order: the writer drains and joins first (its last
// batches synced and answered, the WAL folded into the database), then the
// readers close.
SqliteStore::~SqliteStore() = default;

Status SqliteStore::Read(const core::ports::TxFn& fn) { return readers_->Run(fn); }

Status SqliteStore::Write(const core::ports::TxFn& fn) { return writer_->Submit(fn); }

SqliteWriteStats SqliteStore::write_stats() const {
  const WriteStats s = writer_->stats();
  return SqliteWriteStats{s.requests, s.commits, s.syncs, s.wal_restarts, s.checkpoints, s.waiting};
}

Status SqliteStore::Ping() {
  HD_RETURN_IF_ERROR(horizon_->health());
  return readers_->WithConnection([](Connection& conn) -> Status {
    HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT 1"));
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return Error::Internal("SELECT 1 returned no row");
    return Ok();
  });
}

}  // namespace hd::storage
