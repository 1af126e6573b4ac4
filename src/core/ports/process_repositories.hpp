// ProcessRepo: what service/ needs from storage to run tickets on business
// processes — stored process versions, each ticket's process state, fields,
// path and votes, and the audit of version migrations. (Notifications go to
// the one outbox, NotificationRepo.)
// Like every repository it belongs to one transaction (ports::Tx) and is used
// by one thread at a time; every method may return kUnavailable (database
// busy, locked or full) and kInternal (broken invariant).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/process_state.hpp"

namespace hd::core::ports {

// One admin action that moved open tickets to another process version.
struct ProcessMigration {
  std::string process_id;
  std::int64_t from_version = 0;
  std::int64_t to_version = 0;
  std::string state_map;  // "old=new,old2=new2" as applied
  std::optional<UserId> actor_id;
  std::int64_t tickets = 0;  // how many tickets moved
  Timestamp at;
};

class ProcessRepo {
 public:
  virtual ~ProcessRepo() = default;

  // Stores a process version. kConflict when (process_id, version) exists.
  virtual Status InsertVersion(const ProcessVersion& version) = 0;
  virtual Result<std::optional<ProcessVersion>> FindVersion(const std::string& process_id,
                                                            std::int64_t version) = 0;
  // Every stored version (with its source), by process id then version.
  virtual Result<std::vector<ProcessVersion>> ListVersions() = 0;

  // Starts the ticket's process record: state, fields and path as given
  // (`state.path` must hold the initial step). kConflict when the ticket has
  // one already.
  virtual Status InsertState(const ProcessState& state) = 0;
  // The ticket's process state with fields and path; nullopt when the
  // ticket runs on no process.
  virtual Result<std::optional<ProcessState>> FindState(TicketId ticket) = 0;
  // The states of many tickets, without fields and path (for listings).
  virtual Result<std::vector<ProcessState>> ListStates(const std::vector<TicketId>& tickets) = 0;
  // Writes process id, version, state, previous_state, seq and entered_at.
  virtual Status UpdateState(const ProcessState& state) = 0;
  // Sets (or, for an empty value, clears) one field.
  virtual Status PutField(TicketId ticket, const std::string& name, const std::string& value) = 0;
  virtual Status AppendStep(TicketId ticket, const ProcessStep& step) = 0;
  // Tickets on (process_id, version) whose state is one of `states`.
  virtual Result<std::vector<TicketId>> ListTicketsIn(const std::string& process_id,
                                                      std::int64_t version,
                                                      const std::vector<std::string>& states) = 0;

  // Up to `limit` tickets on (process_id, version) that entered `state`
  // before `entered_before`, longest waiting first (for timed transitions).
  virtual Result<std::vector<TicketId>> ListEnteredBefore(const std::string& process_id,
                                                          std::int64_t version,
                                                          const std::string& state,
                                                          Timestamp entered_before, int limit) = 0;

  // kConflict when the voter already voted in this round (ticket, seq).
  virtual Status InsertVote(const ProcessVote& vote) = 0;
  virtual Result<std::vector<ProcessVote>> ListVotes(TicketId ticket, std::int64_t seq) = 0;

  virtual Status RecordMigration(const ProcessMigration& migration) = 0;
};

}  // namespace hd::core::ports
