// Strongly typed identifiers: a UserId cannot be passed where a TicketId is
// expected. Ids are assigned by storage; 0 means "not yet stored".
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace hd::core {

template <class Tag>
struct Id {
  std::int64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using UserId = Id<struct UserTag>;
using CompanyId = Id<struct CompanyTag>;
using GroupId = Id<struct GroupTag>;
using TicketId = Id<struct TicketTag>;
using MessageId = Id<struct MessageTag>;
using EventId = Id<struct EventTag>;
using AttachmentId = Id<struct AttachmentTag>;
using FeedbackId = Id<struct FeedbackTag>;
using ApiTokenId = Id<struct ApiTokenTag>;

}  // namespace hd::core

template <class Tag>
struct std::hash<hd::core::Id<Tag>> {
  std::size_t operator()(hd::core::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
