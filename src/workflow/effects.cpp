#include "workflow/effects.hpp"

#include <algorithm>
#include <charconv>

namespace hd::workflow::internal {

namespace {

// Records `value` for `field`, keeping the value the ticket had before the
// firing as the old one even when several steps touch the field.
void Change(const TicketView& ticket, const std::string& field, const std::string& value,
            Outcome& outcome) {
  auto existing = std::find_if(outcome.changes.begin(), outcome.changes.end(),
                               [&](const FieldChange& c) { return c.field == field; });
  if (existing != outcome.changes.end()) {
    existing->new_value = value;
    return;
  }
  auto it = ticket.fields.find(field);
  outcome.changes.push_back(
      FieldChange{field, it == ticket.fields.end() ? std::string() : it->second, value});
}

std::string CurrentValue(const TicketView& ticket, const Outcome& outcome,
                         const std::string& field) {
  for (const FieldChange& c : outcome.changes) {
    if (c.field == field) return c.new_value;
  }
  auto it = ticket.fields.find(field);
  return it == ticket.fields.end() ? std::string() : it->second;
}

Status ResolveTarget(const TicketView& ticket, const Outcome& outcome, core::UserId actor,
                     Target& target) {
  switch (target.kind) {
    case TargetKind::kActor:
      target.user = actor;
      break;
    case TargetKind::kInitiator:
      target.user = ticket.initiator;
      break;
    case TargetKind::kUserField: {
      const std::string value = CurrentValue(ticket, outcome, target.id);
      std::int64_t id = 0;
      const char* end = value.data() + value.size();
      auto [ptr, ec] = std::from_chars(value.data(), end, id);
      if (value.empty() || ec != std::errc{} || ptr != end || id <= 0) {
        return Error::InvalidArgument("field '" + target.id + "' holds no user", target.id);
      }
      target.user = core::UserId{id};
      break;
    }
    case TargetKind::kRole:
    case TargetKind::kGroup:
      break;
  }
  return Ok();
}

}  // namespace

Result<FieldValues> CheckInputs(const Process& process, std::string_view transition_id,
                                const std::vector<FieldRequirement>& asked,
                                const FieldValues& inputs) {
  for (const auto& input : inputs) {
    const std::string& name = input.first;
    auto it = std::find_if(asked.begin(), asked.end(),
                           [&](const FieldRequirement& r) { return r.field.id == name; });
    if (it == asked.end()) {
      return Error::InvalidArgument(
          "transition '" + std::string(transition_id) + "' does not take field '" + name + "'",
          name);
    }
  }
  FieldValues canonical;
  for (const FieldRequirement& r : asked) {
    const FieldDef* field = process.FindField(r.field.id);
    auto it = inputs.find(r.field.id);
    const bool given = it != inputs.end() && !it->second.empty();
    if (!given) {
      if (r.required) {
        return Error::InvalidArgument("field '" + r.field.id + "' is required", r.field.id);
      }
      continue;
    }
    if (field == nullptr) return Error::Internal("undeclared field '" + r.field.id + "'");
    HD_ASSIGN_OR_RETURN(canonical[r.field.id], NormalizeFieldValue(*field, it->second));
  }
  return canonical;
}

Status ApplyEffects(const Process& process, const TicketView& ticket, const FieldValues& inputs,
                    const std::vector<Action>& actions, core::UserId actor, core::Timestamp now,
                    Outcome& outcome) {
  for (const auto& [name, value] : inputs) Change(ticket, name, value, outcome);
  for (const Action& action : actions) {
    if (action.kind != ActionKind::kSet) continue;
    std::string value = action.value;
    if (value == "$now") {
      value = core::FormatIso8601(now);
    } else if (value == "$actor") {
      value = std::to_string(actor.value);
    } else if (const FieldDef* field = process.FindField(action.field.id)) {
      HD_ASSIGN_OR_RETURN(value, NormalizeFieldValue(*field, value));
    }
    Change(ticket, action.field.id, value, outcome);
  }
  for (const Action& action : actions) {
    if (action.kind == ActionKind::kSet) continue;
    Action resolved = action;
    HD_RETURN_IF_ERROR(ResolveTarget(ticket, outcome, actor, resolved.target));
    outcome.actions.push_back(std::move(resolved));
  }
  // A step that writes the value a field already had changes nothing.
  outcome.changes.erase(
      std::remove_if(outcome.changes.begin(), outcome.changes.end(),
                     [](const FieldChange& c) { return c.old_value == c.new_value; }),
      outcome.changes.end());
  return Ok();
}

}  // namespace hd::workflow::internal
