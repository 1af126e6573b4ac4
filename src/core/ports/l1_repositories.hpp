// Repository port of L1 assistance: the class proposed for a ticket's L1
// classification (docs/l1-assistance.md), and the class an operator then
// chose, which measures how often the proposals are right.
// Same rules as repositories.hpp: one transaction, one thread; kUnavailable
// when the database is busy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/ports/report_repositories.hpp"
#include "core/time.hpp"

namespace hd::core::ports {

// A proposal for a ticket's L1 class; never applied by itself.
struct L1Hint {
  TicketId ticket_id;
  std::string proposed_class;         // an option of the l1_class field: "obscene_language"
  std::string source;                 // what proposed it: "obscenity"
  std::vector<std::string> evidence;  // why, e.g. the words found as written; no line breaks
  Timestamp proposed_at;
  std::optional<std::string> decided_class;  // the class an operator chose, once they did
  std::optional<Timestamp> decided_at;
};

// The proposals of a period of one source and class, and what became of them.
struct L1HintCount {
  std::string source;
  std::string proposed_class;
  std::int64_t proposed = 0;
  std::int64_t decided = 0;   // an operator classified the ticket
  std::int64_t accepted = 0;  // ... into the proposed class
};

class L1HintRepo {
 public:
  virtual ~L1HintRepo() = default;
  // Stores `hint` unless its ticket has one: true when stored.
  virtual Result<bool> Propose(const L1Hint& hint) = 0;
  virtual Result<std::optional<L1Hint>> Find(TicketId ticket) = 0;
  // The class an operator chose for the ticket, if it has a proposal not
  // yet decided; nothing otherwise.
  virtual Status Decide(TicketId ticket, const std::string& l1_class, Timestamp at) = 0;
  // The proposals made in the filter's period for its tickets, counted by
  // source and class.
  virtual Result<std::vector<L1HintCount>> Count(const ReportFilter& filter) = 0;
};

}  // namespace hd::core::ports
