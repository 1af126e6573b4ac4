// ProcessAdmin: the administrator's use cases for process definitions —
// checking one before it is stored, loading a new version, listing the
// stored versions, and moving open tickets from one version to another with
// a state map (one "process_migrated" event per ticket and a
// process_migrations row). Loads and migrations are audited.
// Thread-safe; blocking (worker threads only).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/process_state.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"
#include "workflow/loader.hpp"

namespace hd::service {

struct MigrateInput {
  std::string process_id = "support";
  std::int64_t from_version = 0;
  std::int64_t to_version = 0;
  // Old state → new state. A state that is not listed keeps its id, which
  // must then exist in the new version.
  std::map<std::string, std::string> state_map;
};

// What checking a definition found (ProcessAdmin::Check).
struct ProcessCheck {
  std::vector<workflow::Problem> problems;  // in the order of the text; empty when valid
  // Valid only:
  std::string process_id;
  std::int64_t version = 0;
  int states = 0;
  int transitions = 0;
  std::optional<std::int64_t> stored_as;  // the stored version holding this very text
  std::string svg;                        // the diagram; empty when rendering is unavailable
};

struct MigrateResult {
  std::int64_t tickets = 0;  // open tickets moved
};

// Parses "old=new,old2=new2"; kInvalidArgument naming `map` when malformed.
Result<std::map<std::string, std::string>> ParseStateMap(std::string_view text);

class ProcessAdmin {
 public:
  ProcessAdmin(core::ports::Store& store, ProcessEngine& engine, const core::Clock& clock)
      : store_(store), engine_(engine), clock_(clock) {}

  // Validates and stores a definition (see ProcessCatalog::Load).
  // `actor` empty is the system (start-up, CLI); otherwise administrators
  // only (kForbidden).
  Result<LoadedProcess> Load(const std::optional<Actor>& actor, std::string_view source,
                             std::string_view file_name);

  // What Load would find wrong with `source`, without storing anything, and
  // when it is valid its diagram with labels in `language`. A version
  // stored already with a different text is a problem too. Administrators
  // only (kForbidden).
  Result<ProcessCheck> Check(const Actor& actor, std::string_view source,
                             std::string_view file_name, const std::string& language);

  // Every stored version (without the text), oldest first. Staff only.
  Result<std::vector<core::ProcessVersion>> Versions(const Actor& actor);

  // Moves every open (non-final) ticket on `from_version` to `to_version`,
  // mapping states, in one transaction. kInvalidArgument naming "map" when an
  // open ticket's state has no target in the new version (nothing moves);
  // kNotFound for an unknown version; kForbidden for non-administrators.
  Result<MigrateResult> Migrate(const std::optional<Actor>& actor, const MigrateInput& input);

 private:
  core::ports::Store& store_;
  ProcessEngine& engine_;
  const core::Clock& clock_;
};

}  // namespace hd::service
