#include "sla/working_time.hpp"

#include <algorithm>
#include <limits>

namespace hd::sla {

namespace {

std::int64_t Sec(Instant t) { return t.time_since_epoch().count(); }
Instant At(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

bool IsNormal(std::span<const Interval> pauses) {
  for (std::size_t i = 0; i < pauses.size(); ++i) {
    if (pauses[i].from >= pauses[i].to) return false;
    if (i > 0 && pauses[i].from <= pauses[i - 1].to) return false;
  }
  return true;
}

// The earliest instant by which `amount` working seconds after the index's
// origin have elapsed, given that `worked_before` of them lie before
// `not_before`; `not_before` itself when no more work is needed.
std::int64_t When(const WorkingIndex& index, std::int64_t not_before, std::int64_t worked_before,
                  std::int64_t amount) {
  if (amount <= worked_before) return not_before;
  if (amount > index.Total()) return std::numeric_limits<std::int64_t>::max();
  return index.InstantWhenWorked(amount);
}

// DueAt over normalized pauses, before the coverage check.
std::int64_t DueOverPauses(const WorkingIndex& index, std::int64_t start, std::int64_t remaining,
                           std::span<const Interval> pauses) {
  std::int64_t t = start;
  for (const Interval& p : pauses) {
    const std::int64_t from = Sec(p.from);
    const std::int64_t to = Sec(p.to);
    if (to <= t) continue;
    if (from > t) {
      const std::int64_t before = index.WorkedBefore(t);
      const std::int64_t worked = index.WorkedBefore(from) - before;
      if (worked >= remaining) return When(index, t, before, before + remaining);
      remaining -= worked;
    }
    t = to;
  }
  const std::int64_t before = index.WorkedBefore(t);
  return When(index, t, before, before + remaining);
}

}  // namespace

Result<std::vector<Interval>> NormalizePauses(std::span<const Interval> pauses) {
  std::vector<Interval> out;
  out.reserve(pauses.size());
  for (const Interval& p : pauses) {
    if (p.to < p.from) return Error::InvalidArgument("a pause ends before it starts", "pauses");
    if (p.to > p.from) out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const Interval& a, const Interval& b) { return a.from < b.from; });
  std::vector<Interval> merged;
  for (const Interval& p : out) {
    if (!merged.empty() && p.from <= merged.back().to) {
      merged.back().to = std::max(merged.back().to, p.to);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

Result<Instant> DueAt(const Calendar& calendar, Instant start, std::chrono::seconds working,
                      std::span<const Interval> pauses) {
  if (working.count() < 0) {
    return Error::InvalidArgument("working duration is negative", "duration");
  }
  HD_RETURN_IF_ERROR(calendar.CheckCovered(start, start));
  if (working.count() == 0) return start;
  std::vector<Interval> normalized;
  if (!IsNormal(pauses)) {
    HD_ASSIGN_OR_RETURN(normalized, NormalizePauses(pauses));
    pauses = normalized;
  }
  const std::int64_t due = DueOverPauses(calendar.index(), Sec(start), working.count(), pauses);
  if (due == std::numeric_limits<std::int64_t>::max()) {
    return calendar.CheckCovered(start, Instant::max()).error();
  }
  HD_RETURN_IF_ERROR(calendar.CheckCovered(start, At(due)));
  return At(due);
}

Result<std::chrono::seconds> WorkingSeconds(const Calendar& calendar, Instant from, Instant to,
                                            std::span<const Interval> pauses) {
  if (to < from) return Error::InvalidArgument("the interval ends before it starts", "to");
  HD_RETURN_IF_ERROR(calendar.CheckCovered(from, to));
  std::vector<Interval> normalized;
  if (!IsNormal(pauses)) {
    HD_ASSIGN_OR_RETURN(normalized, NormalizePauses(pauses));
    pauses = normalized;
  }
  const WorkingIndex& index = calendar.index();
  std::int64_t total = index.WorkedBefore(Sec(to)) - index.WorkedBefore(Sec(from));
  for (const Interval& p : pauses) {
    const Instant a = std::max(p.from, from);
    const Instant b = std::min(p.to, to);
    if (a < b) total -= index.WorkedBefore(Sec(b)) - index.WorkedBefore(Sec(a));
  }
  return std::chrono::seconds{total};
}

}  // namespace hd::sla
