// Proposals for L1's classification of a ticket (docs/l1-assistance.md):
// made when a customer writes, stored with the ticket, shown to staff and
// never applied; the class an operator then chooses is recorded against the
// proposal, which measures how often proposals are right.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"

namespace hd::service {
class ProcessEngine;
}  // namespace hd::service

namespace hd::service::l1 {

// The class proposed for obscene words, and what proposed it.
inline constexpr std::string_view kObsceneClass = "obscene_language";
inline constexpr std::string_view kObscenitySource = "obscenity";
// How much of a message is read for a proposal: the question, not a long
// quoted history below it.
inline constexpr std::size_t kReadBytes = 8 * 1024;

// In `tx`, with the new ticket: proposes a class for it from what its
// customer wrote. Nothing when nothing is found.
Status ProposeForNewTicket(core::ports::Tx& tx, core::TicketId ticket, std::string_view subject,
                           std::string_view body, core::Timestamp now);

// In `tx`, with a later message of the customer: the same, unless the
// ticket already has a proposal (then the message is not read).
Status ProposeForMessage(core::ports::Tx& tx, core::TicketId ticket, std::string_view body,
                         core::Timestamp now);

// In `tx`, when the ticket's `l1_class` field was set to `l1_class`: the
// operator's decision on the ticket's proposal, if it has one undecided.
Status RecordDecision(core::ports::Tx& tx, core::TicketId ticket, const std::string& l1_class,
                      core::Timestamp now);

// The labels of the L1 classes in `language` (class → label), as the
// current processes' l1_class field names them.
std::map<std::string, std::string> ClassLabels(const ProcessEngine& processes,
                                               std::string_view language);
// The label of `l1_class` in `labels` (ClassLabels), else its id.
std::string LabelOf(const std::map<std::string, std::string>& labels, const std::string& l1_class);

// A ticket's proposal as staff read it.
struct HintView {
  core::ports::L1Hint hint;
  std::string label;  // the proposed class in the reader's language
  std::string decided_label;
};

class Hints {
 public:
  Hints(core::ports::Store& store, const ProcessEngine& processes)
      : store_(store), processes_(processes) {}

  // The proposal for a ticket: kForbidden for customers (the hint is about
  // them), kNotFound when the ticket is not readable or has none.
  Result<HintView> Find(const Actor& actor, core::TicketId ticket);

 private:
  core::ports::Store& store_;
  const ProcessEngine& processes_;
};

}  // namespace hd::service::l1
