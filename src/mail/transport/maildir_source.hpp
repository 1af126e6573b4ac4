// MaildirSource: a Maildir folder (new/, cur/, tmp/) as a MailSource, read
// straight from the file system, for an MTA that delivers into a folder.
//
// Pending are the files in new/ and the files in cur/ without the S (seen)
// flag, oldest first by modification time, then by name. A key is the file's
// base name without its ":2,FLAGS" part, so it stays the same when a mail
// client renames the file to set flags. MarkDone moves new/KEY to
// cur/KEY:2,S, or adds S to the flags of a file in cur/. The epoch is "".
// Files whose name starts with '.' are ignored; tmp/ is never read.
//
// Another process (the MTA, a mail client) may write the folder at the same
// time: Maildir's renames are atomic, and a file that vanished between two
// calls is reported as kNotFound. One call at a time per object.
//
// Errors: kNotFound when a message is gone; kUnavailable when the folder
// cannot be read or a file not renamed (missing folder, permissions, disk).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/mail.hpp"

namespace hd::mail {

class MaildirSource final : public core::ports::MailSource {
 public:
  // `folder` is the Maildir's root (holding new/ and cur/). Does not touch
  // the file system.
  explicit MaildirSource(std::filesystem::path folder);

  std::string Name() const override;  // "maildir:" + folder
  Result<std::string> Epoch() override;
  Result<std::vector<std::string>> ListPending(int limit) override;
  Result<std::string> Fetch(const std::string& key) override;
  Status MarkDone(const std::string& key) override;
  // Ok when new/ and cur/ are folders that can be read.
  Status Check() override;

 private:
  // Where the message with `key` is now; kNotFound when nowhere.
  Result<std::filesystem::path> Locate(const std::string& key);

  std::filesystem::path folder_;
  // Where ListPending last saw each key: saves a scan of cur/ per Fetch.
  std::map<std::string, std::filesystem::path> seen_at_;
};

}  // namespace hd::mail
