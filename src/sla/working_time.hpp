// Working-time arithmetic on a Calendar: when is a target of N working seconds
// due, and how much working time lies between two instants. Pure functions,
// exact to the second, O(log n) in the number of working spans of the
// calendar plus O(p) in the number of pauses.
//
// Pauses are [from, to) intervals during which the SLA clock does not run
// (the ticket waits for the customer). They may be given in any order and
// may overlap; they may extend outside working hours.
#pragma once

#include <chrono>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "sla/calendar.hpp"

namespace hd::sla {

// Returns `pauses` sorted by start with overlapping or touching intervals
// merged and empty ones dropped. kInvalidArgument when a pause ends before it
// starts.
Result<std::vector<Interval>> NormalizePauses(std::span<const Interval> pauses);

// The earliest instant at which `working` seconds of the calendar's working
// time, outside pauses, have elapsed since `start`. DueAt(c, s, 0s) == s.
// Work that completes at closing time is due at closing time, not at the next
// opening. Errors: kInvalidArgument for a negative duration or a bad pause;
// kUnavailable ("calendar ru-business has no data for 2029") when the start or
// the due instant lies in a year the calendar has no data for.
Result<Instant> DueAt(const Calendar& calendar, Instant start, std::chrono::seconds working,
                      std::span<const Interval> pauses = {});

// Working seconds of the calendar in [from, to) outside pauses.
// Errors: kInvalidArgument when to < from or for a bad pause; kUnavailable
// when [from, to] reaches a year the calendar has no data for.
Result<std::chrono::seconds> WorkingSeconds(const Calendar& calendar, Instant from, Instant to,
                                            std::span<const Interval> pauses = {});

}  // namespace hd::sla
