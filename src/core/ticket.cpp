#include "core/ticket.hpp"

#include <array>
#include <utility>

namespace hd::core {

namespace {
constexpr std::array<std::pair<TicketStatus, std::string_view>, 5> kStatuses = {{
    {TicketStatus::kNew, "new"},
    {TicketStatus::kOpen, "open"},
    {TicketStatus::kPending, "pending"},
    {TicketStatus::kResolved, "resolved"},
    {TicketStatus::kClosed, "closed"},
}};
constexpr std::array<std::pair<Criticality, std::string_view>, 4> kCriticalities = {{
    {Criticality::kLow, "low"},
    {Criticality::kNormal, "normal"},
    {Criticality::kHigh, "high"},
    {Criticality::kCritical, "critical"},
}};

template <class E, std::size_t N>
std::string_view Name(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return table[0].second;
}

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view id) {
  for (const auto& [e, name] : table) {
    if (name == id) return e;
  }
  return std::nullopt;
}
}  // namespace

std::string_view ToString(TicketStatus s) { return Name(kStatuses, s); }
std::optional<TicketStatus> ParseTicketStatus(std::string_view id) { return Parse(kStatuses, id); }
std::string_view ToString(Criticality c) { return Name(kCriticalities, c); }
std::optional<Criticality> ParseCriticality(std::string_view id) {
  return Parse(kCriticalities, id);
}

bool IsKnownChannel(std::string_view channel) {
  static constexpr std::string_view kChannels[] = {"web", "email", "phone", "api"};
  for (std::string_view known : kChannels) {
    if (channel == known) return true;
  }
  return false;
}

}  // namespace hd::core
