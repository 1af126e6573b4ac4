// A ticket's place in its business process (DOMAIN.md §3), as stored: which
// process and version it runs, the state it is in, the typed process fields,
// the path it took, the votes of approval steps and the stored versions of
// process definitions.
//
// Plain values; no thread affinity. The rules that move a ticket live in
// workflow/ (pure) and service/ (persisting); storage only keeps these.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

// One stored version of a process definition. The YAML text is kept so that
// a ticket started on a version runs on exactly that text forever, even
// after the file on disk changed.
struct ProcessVersion {
  std::string process_id;  // e.g. "support"
  std::int64_t version = 0;
  std::string sha256;     // lower-case hex of `source`
  std::string source;     // the YAML text as loaded
  std::string file_name;  // where it was loaded from, for messages
  Timestamp loaded_at;
};

// One state a ticket entered; `seq` counts from 0 (the initial state).
struct ProcessStep {
  std::int64_t seq = 0;
  std::string state;
  std::string transition;  // what brought it there; empty for the start
  std::optional<UserId> actor_id;
  Timestamp at;
  std::string owner;  // the state's owner: "role:<id>", "group:<id>" or empty
};

// A vote of an approval step, cast while the ticket was in the state it
// entered at step `seq` (votes of an earlier visit do not count again).
struct ProcessVote {
  TicketId ticket_id;
  std::int64_t seq = 0;
  UserId voter_id;
  bool approve = true;
  std::string reason;
  Timestamp at;
};

struct ProcessState {
  TicketId ticket_id;
  std::string process_id;
  std::int64_t version = 0;
  std::string state;
  std::string previous_state;  // where it came from; empty at the start
  std::int64_t seq = 0;        // the ProcessStep::seq of entering `state`
  Timestamp entered_at;        // when it entered `state`
  std::map<std::string, std::string, std::less<>> fields;  // typed fields as text
  std::vector<ProcessStep> path;                           // oldest first
};

// What a reader of a ticket sees of its process; service/ fills it in for
// the reader's role. Not stored with the ticket.
struct TicketProcess {
  std::string process_id;
  std::int64_t version = 0;
  std::string state;
  std::string state_label;
  bool final = false;
  std::string instructions;  // for the reader's role; empty when none
  // The typed process fields; filled for staff reading one ticket only.
  std::map<std::string, std::string, std::less<>> fields;
};

}  // namespace hd::core
