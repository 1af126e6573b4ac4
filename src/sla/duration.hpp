// Durations as operators write them: "6h", "90m", "3600s", "1h30m".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::sla {

// Parses one or more <number><unit> groups, units h, m, s in that order, each
// at most once (e.g. "1h30m", "45s"). kInvalidArgument naming `field`
// otherwise (empty text, a bare number, "1d", "30m1h").
Result<std::chrono::seconds> ParseDuration(std::string_view text,
                                           std::string_view field = "duration");

// The shortest such text: 5400s -> "1h30m", 0s -> "0s".
std::string FormatDuration(std::chrono::seconds d);

}  // namespace hd::sla
