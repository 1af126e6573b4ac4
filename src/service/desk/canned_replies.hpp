// Canned replies: the reply templates (config/defaults/templates) offered to
// an agent writing to a customer, filled in for one ticket. The text is in
// the language of the customer who will read it; the title in the agent's.
// Staff only. Thread-safe; blocking.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"

namespace hd::workflow {
struct Process;
}  // namespace hd::workflow

namespace hd::service {

class ProcessEngine;

// The labels, in `language`, of the transitions (and approval decisions) of
// `process` whose actions reply with `template_id`, in definition order.
std::vector<std::string> ReplyLabels(const workflow::Process& process, std::string_view template_id,
                                     std::string_view language);

struct CannedReply {
  std::string id;     // the template's id, e.g. "request_information"
  std::string title;  // "Ask the customer": the label of a transition that sends it
  std::string text;   // filled in: ticket number and subject, fields, the agent's name
};

class CannedReplies {
 public:
  CannedReplies(core::ports::Store& store, const ProcessEngine& processes)
      : store_(store), processes_(processes) {}

  // The templates for ticket `id`, by title. kForbidden for customers;
  // kNotFound when the reader may not read the ticket.
  Result<std::vector<CannedReply>> For(const Actor& reader, core::TicketId id);

 private:
  core::ports::Store& store_;
  const ProcessEngine& processes_;
};

}  // namespace hd::service
