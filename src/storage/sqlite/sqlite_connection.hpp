// SqliteConnection: the SQLite driver behind storage::Connection.
//
// Owns one sqlite3 handle and the statements prepared on it (cached by SQL
// text, finalized before the handle closes). Every connection runs with
// foreign keys on, synchronous=FULL (the store's writer lowers it to NORMAL and
// syncs the WAL itself, see GroupCommitter) and a busy timeout; the file is put in
// WAL mode, so readers never block the writer. sqlite3.h stays in the .cpp.
//
// Thread behaviour: like every Connection, used by one thread at a time
// (opened SQLITE_OPEN_NOMUTEX; the stores hand whole connections over).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace hd::storage {

struct SqliteConnectionOptions {
  std::string path;  // the database file; created when missing unless read_only
  // How long a statement waits for a lock held by another connection before
  // failing with kUnavailable, in milliseconds. Default 5000.
  int busy_timeout_ms = 5000;
  // A reader connection: refuses every write (PRAGMA query_only). Default false.
  bool read_only = false;
};

class SqliteConnection final : public Connection {
 public:
  // Opens and configures the database. kUnavailable when the file cannot be
  // opened or is locked past the busy timeout.
  static Result<std::unique_ptr<SqliteConnection>> Open(const SqliteConnectionOptions& options);

  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<PreparedStatement> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;

  // Runs one statement through the statement cache, ignoring its rows: for
  // the transaction-control statements that run thousands of times a second
  // (Exec parses its text every time).
  Status Run(std::string_view sql);

  // True while a transaction is open. SQLite rolls a transaction back on its
  // own after some errors (disk full, I/O error); this tells the store so.
  bool InTransaction() const;

  // The path of the database's write-ahead log ("<file>-wal").
  std::string WalPath() const;

  // Starts counting the frames in the WAL after each commit on this
  // connection. This turns SQLite's automatic checkpoint off: it uses the
  // same WAL hook, so the owner checkpoints (see RestartWal).
  void TrackWalFrames();
  // Frames in the WAL after the last commit on this connection; 0 before
  // TrackWalFrames() or the first commit.
  int WalFrames() const;

  // Checkpoints the whole WAL and waits, at most `wait_ms`, for the readers
  // still using it, so that the next commit writes the WAL from its start
  // again instead of appending. True when that worked; false when readers
  // or another checkpoint kept it from finishing (nothing is lost; the WAL
  // just keeps growing until a later attempt). Must not run inside a
  // transaction. The connection's busy timeout is restored afterwards.
  Result<bool> RestartWal(int wait_ms);

  // Copies the WAL's frames into the database file as far as no reader
  // still needs them, without waiting for readers or the writer (a passive
  // checkpoint): syncs the WAL, writes the pages, syncs the database.
  Status CheckpointPassive();

 private:
  struct Impl;
  SqliteConnection(std::unique_ptr<Impl> impl, int busy_timeout_ms);
  std::unique_ptr<Impl> impl_;
  const int busy_timeout_ms_;
};

}  // namespace hd::storage
