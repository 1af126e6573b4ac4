// The SLA part of the demo help desk: licences of different levels, a
// partner company and a printed coupon for the demo customers (seeded before
// their tickets, so the tickets get those levels), and tickets opened in the
// past so that the queue shows every SLA state: ok, warning, breached, paused
// (waiting for the customer) and met. Nothing happens when no support levels
// are loaded.
#pragma once

#include "app/runtime.hpp"
#include "core/error.hpp"

namespace hd::app {

// Licences, partner status and Globex's coupon (used by the demo's phone
// request); prints the coupon of Dina's licence.
Status SeedSlaCustomers(Runtime& runtime);

// A special request opened 50 minutes ago (warning), a VIP ticket opened
// ten days ago without an answer (breached) and one set pending before any
// answer (paused).
Status SeedSlaTickets(Runtime& runtime);

}  // namespace hd::app
