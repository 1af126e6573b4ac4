// Ticket ("обращение"): a customer's request and its working state. Plain
// value; the version field drives optimistic concurrency in storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/process_state.hpp"
#include "core/sla_clock.hpp"
#include "core/time.hpp"

namespace hd::core {

enum class TicketStatus {
  kNew,       // registered, nobody has answered yet
  kOpen,      // being worked on
  kPending,   // waiting for the customer
  kResolved,  // answered; the customer may still object
  kClosed,    // final
};

enum class Criticality { kLow, kNormal, kHigh, kCritical };

// Stable ids: "new", "open", "pending", "resolved", "closed".
std::string_view ToString(TicketStatus s);
std::optional<TicketStatus> ParseTicketStatus(std::string_view id);
// Stable ids: "low", "normal", "high", "critical".
std::string_view ToString(Criticality c);
std::optional<Criticality> ParseCriticality(std::string_view id);
// The channels a ticket comes in by: web, email, phone, api.
bool IsKnownChannel(std::string_view channel);

struct Ticket {
  TicketId id;
  std::int64_t number = 0;  // shown to people ("#1042"); unique, increasing
  std::string subject;
  std::string category;  // Category slug; empty when not chosen
  TicketStatus status = TicketStatus::kNew;
  Criticality criticality = Criticality::kNormal;
  std::string support_level = "non_commercial";  // SupportLevel id
  UserId initiator_id;
  std::optional<CompanyId> company_id;  // the initiator's company at creation
  std::optional<UserId> assignee_id;
  std::optional<GroupId> group_id;
  int tier = 1;
  std::string channel = "web";  // web, email, phone, api
  // The guided fields of DOMAIN.md §1.
  std::string sources_searched;
  std::string steps;
  std::string expected;
  std::string actual;
  std::int64_t version = 1;  // bumped by every stored update
  Timestamp created_at;
  Timestamp updated_at;
  // The ticket's place in its business process for the reader; filled in by
  // service/ when it reads a ticket, never stored through TicketRepo
  // (ProcessRepo keeps it). Empty when the ticket runs on no process.
  std::optional<TicketProcess> process;
  // The SLA clock as people see it; filled by the service when it reads a
  // ticket for a caller, never stored through TicketRepo (TicketSla is).
  std::optional<SlaStatus> sla;
};

}  // namespace hd::core
