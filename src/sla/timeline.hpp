// The SLA clock's timeline: the segments between two instants during which
// the clock runs, is paused, or stands still because the calendar is closed
// (outside working hours, a weekend, a holiday). The API shows it so anyone
// can see why a due instant is what it is. Pure.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "sla/calendar.hpp"

namespace hd::sla {

enum class SegmentKind { kRunning, kPaused, kOutsideHours, kWeekend, kHoliday };

// "running", "paused", "outside_hours", "weekend", "holiday".
std::string_view ToString(SegmentKind kind);

struct Segment {
  Interval span;
  SegmentKind kind;
  friend bool operator==(const Segment&, const Segment&) = default;
};

// Consecutive segments exactly tiling [from, to), adjacent segments of the
// same kind merged. A pause shows as kPaused whatever the calendar says.
// Errors as WorkingSeconds.
Result<std::vector<Segment>> ClockSegments(const Calendar& calendar, Instant from, Instant to,
                                           std::span<const Interval> pauses = {});

}  // namespace hd::sla
