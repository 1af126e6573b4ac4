#include "service/reports/backlog_snapshots.hpp"

#include <date/tz.h>

#include <chrono>
#include <exception>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace hd::service {

using core::ports::BacklogCount;
using core::ports::TicketChange;
using core::ports::Tx;

namespace {

// One open ticket's place in the backlog; ordered for the counting map.
struct Place {
  std::string status;
  int tier = 1;
  std::int64_t group = 0;  // 0: none
  std::string level;
  std::string category;
  std::int64_t company = 0;  // 0: none
  bool operator<(const Place& o) const {
    return std::tie(status, tier, group, level, category, company) <
           std::tie(o.status, o.tier, o.group, o.level, o.category, o.company);
  }
};

bool IsOpen(const std::string& status) {
  return status == "new" || status == "open" || status == "pending";
}

Place PlaceOf(const BacklogCount& c) {
  return Place{c.status, c.tier,     c.group ? c.group->value : 0,
               c.level,  c.category, c.company ? c.company->value : 0};
}

Place PlaceOf(const core::Ticket& t) {
  return Place{std::string(core::ToString(t.status)),
               t.tier,
               t.group_id ? t.group_id->value : 0,
               t.support_level,
               t.category,
               t.company_id ? t.company_id->value : 0};
}

// A ticket as the walk back through its history has it: where it was at the
// instant reached, or not yet opened.
struct Walked {
  Place place;
  bool opened = true;
};

// The open tickets by place while changes are undone, newest first.
class Backlog {
 public:
  explicit Backlog(const std::vector<BacklogCount>& now) {
    for (const BacklogCount& c : now) counts_[PlaceOf(c)] += c.tickets;
  }

  // Undoes `change` of a ticket that is now `ticket` (read when the walk
  // first meets it).
  Status Undo(Tx& tx, const TicketChange& change) {
    auto it = walked_.find(change.ticket.value);
    if (it == walked_.end()) {
      auto ticket = tx.Tickets().Get(change.ticket);
      if (!ticket.ok()) {
        if (ticket.error().code == ErrorCode::kNotFound) return Ok();
        return std::move(ticket).error();
      }
      it = walked_.emplace(change.ticket.value, Walked{PlaceOf(*ticket), true}).first;
    }
    Walked& w = it->second;
    if (!w.opened) return Ok();
    Leave(w.place);
    switch (change.kind) {
      case TicketChange::Kind::kCreated:
        w.opened = false;
        return Ok();
      case TicketChange::Kind::kStatus:
        w.place.status = change.old_value;
        break;
      case TicketChange::Kind::kTier:
        try {
          w.place.tier = std::stoi(change.old_value);
        } catch (const std::exception&) {
          // An unreadable tier keeps the later one.
        }
        break;
      case TicketChange::Kind::kGroup:
        try {
          w.place.group = change.old_value.empty() ? 0 : std::stoll(change.old_value);
        } catch (const std::exception&) {
          // Likewise.
        }
        break;
    }
    Enter(w.place);
    return Ok();
  }

  std::vector<BacklogCount> Counts() const {
    std::vector<BacklogCount> out;
    for (const auto& [p, tickets] : counts_) {
      if (tickets <= 0) continue;
      BacklogCount c;
      c.status = p.status;
      c.tier = p.tier;
      if (p.group) c.group = core::GroupId(p.group);
      c.level = p.level;
      c.category = p.category;
      if (p.company) c.company = core::CompanyId(p.company);
      c.tickets = tickets;
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  void Leave(const Place& p) {
    if (IsOpen(p.status)) --counts_[p];
  }
  void Enter(const Place& p) {
    if (IsOpen(p.status)) ++counts_[p];
  }

  std::map<Place, std::int64_t> counts_;
  std::unordered_map<std::int64_t, Walked> walked_;
};

}  // namespace

Result<int> BacklogSnapshots::Run() {
  const date::time_zone* zone = date::locate_zone(time_zone_);
  const auto now = clock_.Now();
  const date::local_days today = date::floor<date::days>(zone->to_local(now));
  const auto start_of = [&](date::local_days day) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        zone->to_sys(day, date::choose::earliest));
  };
  const auto name = [](date::local_days day) {
    return core::FormatDate(std::chrono::sys_days(day.time_since_epoch()));
  };
  // The first day not stored yet (today when every ended day is).
  const auto first_missing = [&](Tx& tx) -> Result<date::local_days> {
    HD_ASSIGN_OR_RETURN(auto days, tx.Reports().BacklogDays());
    date::local_days first = today - date::days(kBacklogHistoryDays);
    if (!days.second.empty()) {
      const auto last = core::ParseDate(days.second);
      if (!last) return Error::Internal("a stored backlog day is not a date: " + days.second);
      return std::max(first, date::local_days(last->time_since_epoch()) + date::days(1));
    }
    HD_ASSIGN_OR_RETURN(auto opened, tx.Reports().FirstTicketAt());
    if (!opened) return today;  // nothing to count yet
    return std::max(first, date::floor<date::days>(zone->to_local(*opened)));
  };
  // Mostly every ended day is stored: a read says so without the write lock.
  date::local_days first = today;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(first, first_missing(tx));
    return Ok();
  }));
  if (first >= today) return 0;
  int stored = 0;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    stored = 0;
    auto& reports = tx.Reports();
    HD_ASSIGN_OR_RETURN(first, first_missing(tx));
    if (first >= today) return Ok();
    // Days to store, newest first: the state at the start of the next day.
    std::vector<date::local_days> pending;
    for (auto day = today - date::days(1); day >= first; day -= date::days(1)) {
      pending.push_back(day);
    }
    HD_ASSIGN_OR_RETURN(auto open_now, reports.OpenNow());
    Backlog backlog(open_now);
    std::size_t next = 0;
    auto store_until = [&](core::Timestamp reached) -> Status {
      // Every day that ends after `reached` is as the walk has it now.
      while (next < pending.size() && reached < start_of(pending[next] + date::days(1))) {
        HD_RETURN_IF_ERROR(reports.PutBacklogDay(name(pending[next]), backlog.Counts()));
        ++stored;
        ++next;
      }
      return Ok();
    };
    HD_RETURN_IF_ERROR(reports.ForEachChangeSince(start_of(first + date::days(1)),
                                                  [&](const TicketChange& c) -> Status {
                                                    HD_RETURN_IF_ERROR(store_until(c.at));
                                                    return backlog.Undo(tx, c);
                                                  }));
    return store_until(core::Timestamp::min());
  }));
  return stored;
}

}  // namespace hd::service
