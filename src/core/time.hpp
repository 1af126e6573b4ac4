// Instants and their text form. Pure: nothing here reads a clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::core {

// An instant in UTC with millisecond resolution (what storage keeps).
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

inline std::int64_t ToUnixMillis(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp FromUnixMillis(std::int64_t ms) {
  return Timestamp{std::chrono::milliseconds{ms}};
}

// "2025-12-30T18:30:00Z", or with ".123" when the instant has milliseconds.
std::string FormatIso8601(Timestamp t);

// Accepts "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)" (RFC 3339). Returns
// kInvalidArgument naming `field` for anything else.
Result<Timestamp> ParseIso8601(std::string_view text, std::string_view field = "time");

}  // namespace hd::core
