#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

namespace hd::storage {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// The one place SQLite result codes become hd::Error.
Error TranslateError(int rc, std::string_view what, std::string_view detail) {
  std::string message = std::string(what) + ": " + std::string(detail);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Error::Conflict(std::move(message), "duplicate");
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return Error::Unavailable(std::move(message));
    default:
      return Error::Internal(std::move(message));
  }
}

Error TranslateError(sqlite3* db, int rc, std::string_view what) {
  return TranslateError(rc, what, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

int Size(std::string_view s) { return static_cast<int>(s.size()); }

// A single-row `INSERT … VALUES (…) RETURNING id` into a table whose `id` is
// the rowid: the statement prepared without its RETURNING clause, and the
// id read from sqlite3_last_insert_rowid(). SQLite implements RETURNING
// with a temporary table per execution, which costs more than the insert on
// the hot write paths; repositories keep portable SQL and see the same row.
// Returns the SQL to prepare instead, or nullopt when `sql` is not such an
// insert.
std::optional<std::string_view> RowidInsert(sqlite3* db, std::string_view sql) {
  constexpr std::string_view kInsert = "INSERT INTO ";
  constexpr std::string_view kReturning = " RETURNING id";
  constexpr std::string_view kValues = " VALUES ";
  if (!sql.starts_with(kInsert) || !sql.ends_with(kReturning)) return std::nullopt;
  if (sql.find("ON CONFLICT") != std::string_view::npos) return std::nullopt;
  const std::string_view insert = sql.substr(0, sql.size() - kReturning.size());
  // Exactly one parenthesised tuple after VALUES, ending the statement.
  const auto values = insert.find(kValues);
  if (values == std::string_view::npos) return std::nullopt;
  std::string_view tuple = insert.substr(values + kValues.size());
  if (!tuple.starts_with('(')) return std::nullopt;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < tuple.size(); ++i) {
    const char ch = tuple[i];
    if (quote != 0) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')' && --depth == 0 && i + 1 != tuple.size()) {
      return std::nullopt;
    }
  }
  if (depth != 0 || quote != 0) return std::nullopt;
  // The table: `id` must be its INTEGER PRIMARY KEY on a rowid table.
  const std::string_view rest = sql.substr(kInsert.size());
  const std::string table(rest.substr(0, rest.find_first_of(" (")));
  const char* type = nullptr;
  int primary = 0;
  if (sqlite3_table_column_metadata(db, "main", table.c_str(), "rowid", nullptr, nullptr, nullptr,
                                    nullptr, nullptr) != SQLITE_OK ||
      sqlite3_table_column_metadata(db, "main", table.c_str(), "id", &type, nullptr, nullptr,
                                    &primary, nullptr) != SQLITE_OK ||
      primary == 0 || type == nullptr || sqlite3_stricmp(type, "INTEGER") != 0) {
    return std::nullopt;
  }
  return insert;
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, StmtHandle stmt, bool returns_rowid)
      : db_(db), stmt_(std::move(stmt)), returns_rowid_(returns_rowid) {}

  void BindInt(int i, std::int64_t v) override { Check(sqlite3_bind_int64(stmt_.get(), i, v)); }
  void BindDouble(int i, double v) override { Check(sqlite3_bind_double(stmt_.get(), i, v)); }
  void BindText(int i, std::string_view v) override {
    Check(sqlite3_bind_text(stmt_.get(), i, v.data(), Size(v), SQLITE_TRANSIENT));
  }
  void BindBlob(int i, std::string_view v) override {
    Check(sqlite3_bind_blob(stmt_.get(), i, v.data(), Size(v), SQLITE_TRANSIENT));
  }
  void BindNull(int i) override { Check(sqlite3_bind_null(stmt_.get(), i)); }

  Result<bool> Step() override {
    if (bind_rc_ != SQLITE_OK) return TranslateError(bind_rc_, "bind", sqlite3_errstr(bind_rc_));
    if (rowid_row_) {  // the one row of a rowid insert was read
      rowid_row_ = false;
      return false;
    }
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes64(db_);
      if (returns_rowid_ && changes_ > 0) {
        rowid_row_ = true;
        rowid_ = sqlite3_last_insert_rowid(db_);
        return true;
      }
      return false;
    }
    return TranslateError(db_, rc, "step");
  }

  bool IsNull(int c) const override {
    if (rowid_row_) return false;
    return sqlite3_column_type(stmt_.get(), c) == SQLITE_NULL;
  }
  std::int64_t ColumnInt(int c) const override {
    if (rowid_row_) return rowid_;
    return sqlite3_column_int64(stmt_.get(), c);
  }
  double ColumnDouble(int c) const override {
    if (rowid_row_) return static_cast<double>(rowid_);
    return sqlite3_column_double(stmt_.get(), c);
  }
  std::string ColumnText(int c) const override {
    if (rowid_row_) return std::to_string(rowid_);
    const auto* text = sqlite3_column_text(stmt_.get(), c);
    const int size = sqlite3_column_bytes(stmt_.get(), c);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  }
  std::string ColumnBlob(int c) const override {
    if (rowid_row_) return std::to_string(rowid_);
    const void* blob = sqlite3_column_blob(stmt_.get(), c);
    const int size = sqlite3_column_bytes(stmt_.get(), c);
    if (blob == nullptr) return {};
    return std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size));
  }
  std::int64_t ChangedRows() const override { return changes_; }

  void Reset() override {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    bind_rc_ = SQLITE_OK;
    changes_ = 0;
    rowid_row_ = false;
  }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3* db_;
  StmtHandle stmt_;
  int bind_rc_ = SQLITE_OK;
  std::int64_t changes_ = 0;
  const bool returns_rowid_;  // prepared by RowidInsert: one synthetic row, the new id
  bool rowid_row_ = false;    // that row is current
  std::int64_t rowid_ = 0;
};

// Looks up cached statements by string_view: no key string per lookup.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};

struct CacheSlot {
  std::unique_ptr<SqliteStatement> stmt;
  bool in_use = false;
};

}  // namespace

struct SqliteConnection::Impl {
  DbHandle db;  // declared first: destroyed after every cached statement
  std::unordered_map<std::string, CacheSlot, SqlHash, std::equal_to<>> cache;
  int wal_frames = 0;  // set by the WAL hook once TrackWalFrames() ran

  Result<std::unique_ptr<SqliteStatement>> Compile(std::string_view sql) {
    const auto rowid_insert = RowidInsert(db.get(), sql);
    const std::string_view text = rowid_insert.value_or(sql);
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db.get(), text.data(), Size(text), SQLITE_PREPARE_PERSISTENT,
                                      &raw, nullptr);
    StmtHandle stmt(raw);
    if (rc != SQLITE_OK) return TranslateError(db.get(), rc, "prepare");
    return std::make_unique<SqliteStatement>(db.get(), std::move(stmt), rowid_insert.has_value());
  }
};

SqliteConnection::SqliteConnection(std::unique_ptr<Impl> impl, int busy_timeout_ms)
    : impl_(std::move(impl)), busy_timeout_ms_(busy_timeout_ms) {}
SqliteConnection::~SqliteConnection() = default;

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(
    const SqliteConnectionOptions& options) {
  // SQLite's memory statistics take a process-wide mutex on every
  // allocation; nothing reads them. Fails harmlessly (SQLITE_MISUSE) when
  // SQLite was initialised before the first connection.
  static std::once_flag configured;
  std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.read_only ? 0 : SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(options.path.c_str(), &raw, flags, nullptr);
  auto impl = std::make_unique<Impl>();
  impl->db.reset(raw);
  if (rc != SQLITE_OK) {
    return TranslateError(raw, rc, "open " + options.path);
  }
  sqlite3_extended_result_codes(raw, 1);
  // More lookaside slots than the default 100: the statements of one write
  // allocate many small objects, and a slot is cheaper than malloc.
  (void)sqlite3_db_config(raw, SQLITE_DBCONFIG_LOOKASIDE, nullptr, 1200, 512);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  std::unique_ptr<SqliteConnection> conn(
      new SqliteConnection(std::move(impl), options.busy_timeout_ms));
  // journal_mode=WAL is a property of the file; setting it again is a no-op.
  HD_RETURN_IF_ERROR(
      conn->Exec(options.read_only ? "PRAGMA query_only=ON" : "PRAGMA journal_mode=WAL"));
  // Savepoint journals stay in memory: no temporary file per write batch.
  HD_RETURN_IF_ERROR(
      conn->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY"));
  return conn;
}

Result<PreparedStatement> SqliteConnection::Prepare(std::string_view sql) {
  auto it = impl_->cache.find(sql);
  if (it != impl_->cache.end() && !it->second.in_use) {
    it->second.in_use = true;
    return PreparedStatement(it->second.stmt.get(), nullptr, &it->second.in_use);
  }
  HD_ASSIGN_OR_RETURN(auto stmt, impl_->Compile(sql));
  if (it != impl_->cache.end()) {
    // The cached statement is stepping in an outer loop: use a private one.
    return PreparedStatement(nullptr, std::move(stmt), nullptr);
  }
  auto& slot = impl_->cache.try_emplace(std::string(sql)).first->second;
  slot.stmt = std::move(stmt);
  slot.in_use = true;
  return PreparedStatement(slot.stmt.get(), nullptr, &slot.in_use);
}

Status SqliteConnection::Exec(std::string_view sql) {
  char* message = nullptr;
  const int rc =
      sqlite3_exec(impl_->db.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Ok();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return TranslateError(rc, "exec", detail);
}

Status SqliteConnection::Run(std::string_view sql) {
  HD_ASSIGN_OR_RETURN(auto stmt, Prepare(sql));
  HD_RETURN_IF_ERROR(stmt->Step());
  return Ok();
}

std::string SqliteConnection::WalPath() const {
  const char* wal = sqlite3_filename_wal(sqlite3_db_filename(impl_->db.get(), "main"));
  return wal != nullptr ? wal : "";
}

void SqliteConnection::TrackWalFrames() {
  sqlite3_wal_hook(
      impl_->db.get(),
      [](void* impl, sqlite3*, const char*, int frames) {
        static_cast<Impl*>(impl)->wal_frames = frames;
        return SQLITE_OK;
      },
      impl_.get());
}

int SqliteConnection::WalFrames() const { return impl_->wal_frames; }

Result<bool> SqliteConnection::RestartWal(int wait_ms) {
  sqlite3* db = impl_->db.get();
  // The readers in the way are short: look again every 100 µs rather than
  // after SQLite's own busy timeout's sleeps of 1, 2, 5, 10… ms, which would
  // hold the writer up for longer than any of them reads.
  struct Deadline {
    std::chrono::steady_clock::time_point at;
  } deadline{std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms)};
  sqlite3_busy_handler(
      db,
      [](void* d, int) {
        if (std::chrono::steady_clock::now() >= static_cast<Deadline*>(d)->at) return 0;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        return 1;
      },
      &deadline);
  int log = 0;
  int checkpointed = 0;
  const int rc =
      sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_RESTART, &log, &checkpointed);
  sqlite3_busy_timeout(db, busy_timeout_ms_);
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) return TranslateError(db, rc, "checkpoint");
  impl_->wal_frames = 0;  // the next commit starts the WAL anew
  return true;
}

Status SqliteConnection::CheckpointPassive() {
  sqlite3* db = impl_->db.get();
  const int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) return TranslateError(db, rc, "checkpoint");
  return Ok();
}

bool SqliteConnection::InTransaction() const {
  return sqlite3_get_autocommit(impl_->db.get()) == 0;
}

}  // namespace hd::storage
