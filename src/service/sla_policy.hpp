// SlaPolicy: the support levels and calendars in force, shared by the SLA
// use cases. A SlaCatalog is an immutable snapshot (levels for resolution and
// entitlements, calendars by id, the current version of each level's clock
// and every recorded version); SlaPolicy hands out the current snapshot and
// swaps in a new one when an administrator edits a level or imports a
// calendar. Thread-safe: Current() and Replace() may race freely; a caller
// keeps the snapshot it got for the whole of its work.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/sla_clock.hpp"
#include "sla/calendar.hpp"
#include "sla/level.hpp"

namespace hd::service {

struct SlaCatalog {
  sla::LevelSet levels{{}};
  std::map<std::string, std::shared_ptr<const sla::Calendar>, std::less<>> calendars;
  std::map<std::string, core::SlaLevelVersion, std::less<>> current;  // by level id
  std::map<std::int64_t, core::SlaLevelVersion> versions;             // by version id
  // The database's SLA policy version this snapshot was built from; a
  // different number in the database means another instance changed levels
  // or calendars (SlaLevels::Refresh).
  std::int64_t policy_version = 0;

  // nullptr when unknown.
  const sla::Calendar* FindCalendar(std::string_view id) const;
  const core::SlaLevelVersion* CurrentVersion(std::string_view level_id) const;
  const core::SlaLevelVersion* Version(core::SlaLevelVersionId id) const;
  // True once levels are loaded; before that tickets carry no SLA clock.
  bool enabled() const { return !current.empty(); }
};

class SlaPolicy {
 public:
  SlaPolicy() : current_(std::make_shared<SlaCatalog>()) {}
  SlaPolicy(const SlaPolicy&) = delete;
  SlaPolicy& operator=(const SlaPolicy&) = delete;

  std::shared_ptr<const SlaCatalog> Current() const;
  void Replace(std::shared_ptr<const SlaCatalog> catalog);

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const SlaCatalog> current_;
};

}  // namespace hd::service
