#include "core/ports/mail_repositories.hpp"

#include <array>
#include <utility>

namespace hd::core::ports {

namespace {

constexpr std::array<std::pair<InboundStatus, std::string_view>, 5> kNames{{
    {InboundStatus::kAccepted, "accepted"},
    {InboundStatus::kHeld, "held"},
    {InboundStatus::kBounce, "bounce"},
    {InboundStatus::kIgnored, "ignored"},
    {InboundStatus::kRejected, "rejected"},
}};

}  // namespace

std::string_view ToString(InboundStatus status) {
  for (const auto& [value, name] : kNames) {
    if (value == status) return name;
  }
  return "accepted";
}

std::optional<InboundStatus> ParseInboundStatus(std::string_view id) {
  for (const auto& [value, name] : kNames) {
    if (name == id) return value;
  }
  return std::nullopt;
}

}  // namespace hd::core::ports
