#include "core/event.hpp"

#include <array>
#include <utility>

namespace hd::core {

namespace {
constexpr std::array<std::pair<EventKind, std::string_view>, 14> kKinds = {{
    {EventKind::kCreated, "created"},
    {EventKind::kReplied, "replied"},
    {EventKind::kNoteAdded, "note_added"},
    {EventKind::kStatusChanged, "status_changed"},
    {EventKind::kAssigned, "assigned"},
    {EventKind::kGroupChanged, "group_changed"},
    {EventKind::kFieldChanged, "field_changed"},
    {EventKind::kFeedbackGiven, "feedback_given"},
    {EventKind::kAttachmentAdded, "attachment_added"},
    {EventKind::kTransitionFired, "transition_fired"},
    {EventKind::kVoteCast, "vote_cast"},
    {EventKind::kProcessMigrated, "process_migrated"},
    {EventKind::kSlaWarning, "sla_warning"},
    {EventKind::kSlaBreached, "sla_breached"},
}};
}  // namespace

std::string_view ToString(EventKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "created";
}

std::optional<EventKind> ParseEventKind(std::string_view id) {
  for (const auto& [k, name] : kKinds) {
    if (name == id) return k;
  }
  return std::nullopt;
}

}  // namespace hd::core
