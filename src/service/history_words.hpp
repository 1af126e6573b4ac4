// A ticket's history in words: events carry ids (a transition, the states it
// joined, a process field and its option, a person, a group); this puts the
// words people read beside them, in the reader's language and as the
// reader may see them (customers read a state's customer label). Ids stay
// as they are, for programs.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/event.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"

namespace hd::service {

struct WordedEvent {
  core::Event event;
  // The transition, approval outcome or process field in words; "" when
  // the event names none (or the client words it, as status or tier).
  std::string field_label;
  // old_value and new_value in words: a state, an option, a person or a
  // group; "" when the value is empty or needs no words.
  std::string old_label;
  std::string new_label;
};

// `events` of `ticket` in words for `reader`, in the same order.
Result<std::vector<WordedEvent>> InWords(core::ports::Tx& tx, const ProcessEngine& processes,
                                         const Actor& reader, const core::Ticket& ticket,
                                         std::vector<core::Event> events);

}  // namespace hd::service
