#include "sla/timeline.hpp"

#include <algorithm>

#include "sla/working_time.hpp"

namespace hd::sla {

namespace {

Instant At(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

void Push(std::vector<Segment>& out, Instant from, Instant to, SegmentKind kind) {
  if (from >= to) return;
  if (!out.empty() && out.back().kind == kind && out.back().span.to == from) {
    out.back().span.to = to;
    return;
  }
  out.push_back(Segment{Interval{from, to}, kind});
}

// Classifies a closed stretch day by day in the calendar's zone.
void PushClosed(const Calendar& calendar, std::vector<Segment>& out, Instant from, Instant to) {
  auto day = calendar.LocalDate(from);
  while (from < to) {
    const Instant next = std::min(to, calendar.StartOfLocalDate(day + std::chrono::days{1}));
    SegmentKind kind = SegmentKind::kOutsideHours;
    switch (calendar.KindOf(day)) {
      case DayKind::kHoliday:
        kind = SegmentKind::kHoliday;
        break;
      case DayKind::kWeekend:
        kind = SegmentKind::kWeekend;
        break;
      case DayKind::kWorking:
        break;
    }
    Push(out, from, next, kind);
    from = std::max(from, next);
    day += std::chrono::days{1};
  }
}

std::vector<Segment> CalendarSegments(const Calendar& calendar, Instant from, Instant to) {
  std::vector<Segment> out;
  const WorkingIndex& index = calendar.index();
  Instant cursor = from;
  for (std::size_t i = index.FirstEndingAfter(from.time_since_epoch().count());
       cursor < to && i < index.size(); ++i) {
    const Instant begin = std::max(cursor, At(index.begin(i)));
    if (begin >= to) break;
    PushClosed(calendar, out, cursor, begin);
    cursor = std::min(to, At(index.end(i)));
    Push(out, begin, cursor, SegmentKind::kRunning);
  }
  PushClosed(calendar, out, cursor, to);
  return out;
}

}  // namespace

std::string_view ToString(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kRunning:
      return "running";
    case SegmentKind::kPaused:
      return "paused";
    case SegmentKind::kOutsideHours:
      return "outside_hours";
    case SegmentKind::kWeekend:
      return "weekend";
    case SegmentKind::kHoliday:
      return "holiday";
  }
  return "unknown";
}

Result<std::vector<Segment>> ClockSegments(const Calendar& calendar, Instant from, Instant to,
                                           std::span<const Interval> pauses) {
  if (to < from) return Error::InvalidArgument("the interval ends before it starts", "to");
  HD_RETURN_IF_ERROR(calendar.CheckCovered(from, to));
  HD_ASSIGN_OR_RETURN(const std::vector<Interval> paused, NormalizePauses(pauses));
  std::vector<Segment> out;
  std::size_t p = 0;
  for (const Segment& s : CalendarSegments(calendar, from, to)) {
    Instant cursor = s.span.from;
    while (cursor < s.span.to) {
      while (p < paused.size() && paused[p].to <= cursor) ++p;
      if (p == paused.size() || paused[p].from >= s.span.to) {
        Push(out, cursor, s.span.to, s.kind);
        break;
      }
      const Instant pause_from = std::max(cursor, paused[p].from);
      const Instant pause_to = std::min(s.span.to, paused[p].to);
      Push(out, cursor, pause_from, s.kind);
      Push(out, pause_from, pause_to, SegmentKind::kPaused);
      cursor = pause_to;
    }
  }
  return out;
}

}  // namespace hd::sla
