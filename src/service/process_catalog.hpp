// ProcessCatalog: the process definitions the server runs tickets on. Every
// loaded version is stored with its YAML text (process_versions), so a ticket
// keeps running on the version it started with; the highest stored version of
// a process is the current one, on which new tickets start.
//
// Thread-safe: versions are parsed once and shared as immutable
// `std::shared_ptr<const workflow::Process>`; a mutex guards the cache.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/process_state.hpp"
#include "core/time.hpp"
#include "workflow/process.hpp"

namespace hd::service {

using ProcessPtr = std::shared_ptr<const workflow::Process>;

struct LoadedProcess {
  std::string process_id;
  std::int64_t version = 0;
  std::string sha256;
  bool stored = false;   // false when the same text was stored already
  bool current = false;  // true when new tickets start on this version
};

class ProcessCatalog {
 public:
  // Validates `source` (named `file_name` in messages) and stores it as a
  // new version. An invalid definition is refused and changes nothing: the
  // previous version stays current. Errors: kInvalidArgument listing every
  // problem (file:line:col: message, one per line); kConflict when the same
  // process id and version is stored with a different text (give the new
  // text a higher version).
  Result<LoadedProcess> Load(core::ports::Store& store, std::string_view source,
                             std::string_view file_name, core::Timestamp now);

  // Makes the highest stored version of every process current (at start-up,
  // so versions loaded earlier through the API stay current).
  Status Refresh(core::ports::Store& store);

  // Version `version` of `process_id`, parsed from the stored text on first
  // use. kNotFound when it was never stored; kInternal when the stored text
  // no longer validates.
  Result<ProcessPtr> Get(core::ports::Tx& tx, const std::string& process_id,
                         std::int64_t version) const;

  // The current version of `process_id`; nullptr when none is loaded.
  ProcessPtr Current(std::string_view process_id) const;
  // The current version of every process, by process id.
  std::vector<ProcessPtr> CurrentAll() const;

 private:
  void Remember(ProcessPtr process, bool make_current);

  mutable std::mutex mutex_;
  mutable std::map<std::pair<std::string, std::int64_t>, ProcessPtr> versions_;
  std::map<std::string, ProcessPtr, std::less<>> current_;
};

}  // namespace hd::service
