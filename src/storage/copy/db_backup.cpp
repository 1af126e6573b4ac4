#include "storage/copy/db_backup.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <memory>

namespace hd::storage {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;

constexpr int kPagesPerStep = 1024;
constexpr int kBusyWaitMs = 50;

Result<DbHandle> OpenFile(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbHandle db(raw);
  if (rc != SQLITE_OK) {
    return Error::Unavailable("open " + path + ": " +
                              (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Status Copy(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return Error::Unavailable(std::string("backup: ") + sqlite3_errmsg(to));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(kBusyWaitMs);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Error::Unavailable(std::string("backup: ") + sqlite3_errstr(rc));
  return Ok();
}

}  // namespace

Status BackupSqlite(const std::string& source, const std::string& target) {
  const std::string partial = target + ".partial";
  std::remove(partial.c_str());
  {
    HD_ASSIGN_OR_RETURN(DbHandle from, OpenFile(source, SQLITE_OPEN_READONLY));
    HD_ASSIGN_OR_RETURN(DbHandle to, OpenFile(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    Status copied = Copy(from.get(), to.get());
    if (!copied.ok()) {
      to.reset();
      std::remove(partial.c_str());
      return copied;
    }
  }
  if (std::rename(partial.c_str(), target.c_str()) != 0) {
    std::remove(partial.c_str());
    return Error::Unavailable("cannot rename the backup to " + target);
  }
  return Ok();
}

}  // namespace hd::storage
