// WalFile: an own descriptor on an SQLite database's write-ahead log, to
// make the frames written so far durable from a thread other than the
// writer's (the writer connection runs with synchronous=NORMAL, so COMMIT
// writes its frames without waiting for the disk).
//
// fdatasync covers every write() that completed before it began, whichever
// descriptor made it, so syncing after a COMMIT returned makes that commit
// durable. The file is opened when first needed, and again if it was
// replaced (a new inode at the path); its folder is synced once per opening
// so the file's own entry is durable too.
//
// Thread behaviour: one thread at a time (the syncer).
#pragma once

#include <sys/types.h>

#include <string>

#include "core/error.hpp"

namespace hd::storage {

class WalFile {
 public:
  explicit WalFile(std::string path);
  ~WalFile();
  WalFile(const WalFile&) = delete;
  WalFile& operator=(const WalFile&) = delete;

  // Makes every completed write to the WAL durable. kUnavailable when the
  // file cannot be opened or the disk reports an error.
  Status Sync();

 private:
  Status Open();

  std::string path_;
  int fd_ = -1;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
};

}  // namespace hd::storage
