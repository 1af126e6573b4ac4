// Presence on tickets, the collision warning: which other agents have a
// ticket open right now and whether they are typing a reply. Each open
// ticket page announces itself every few seconds (and at once when typing
// starts or stops); the rows live in the database, so agents served by
// different instances see each other. Staff only: customers neither see nor
// appear.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/role.hpp"
#include "service/actor.hpp"

namespace hd::service {

struct Viewer {
  core::UserId user_id;
  std::string name;
  core::Role role = core::Role::kL1Operator;
  bool typing = false;
  core::Timestamp since;    // opened the ticket
  core::Timestamp seen_at;  // last announcement
};

class Presence {
 public:
  // An announcement counts this long; pages announce every 10 seconds.
  static constexpr std::chrono::seconds kFresh{30};

  Presence(core::ports::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // Records that `actor` has the ticket open (typing or not) and returns the
  // others who have it open, by who came first. kForbidden for customers;
  // kNotFound when the actor may not read the ticket.
  Result<std::vector<Viewer>> Announce(const Actor& actor, core::TicketId ticket, bool typing);
  // The others who have the ticket open. Errors as Announce.
  Result<std::vector<Viewer>> List(const Actor& actor, core::TicketId ticket);
  // The actor closed the ticket. Errors as Announce.
  Status Leave(const Actor& actor, core::TicketId ticket);

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
};

}  // namespace hd::service
