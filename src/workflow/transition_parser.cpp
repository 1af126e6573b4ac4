// Transitions, their field requirements, guards and actions.
#include <array>

#include "workflow/process_parser.hpp"

namespace hd::workflow::internal {

namespace {

std::optional<Action> ParseSetAction(const YAML::Node& body, Action action, YamlReader& reader) {
  if (!reader.CheckMap(body, "'set' action", {"field", "value"})) return std::nullopt;
  action.field = reader.RefAt(body, "field", "'set' action", true);
  auto value = reader.String(body, "value", "'set' action", true);
  if (action.field.id.empty() || !value) return std::nullopt;
  action.value = *value;
  return action;
}

std::optional<Action> ParseSlaAction(const YAML::Node& body, Action action, YamlReader& reader) {
  auto op = reader.Scalar(body, "'sla' action");
  if (!op) return std::nullopt;
  if (*op == "start") {
    action.sla = SlaOp::kStart;
  } else if (*op == "pause") {
    action.sla = SlaOp::kPause;
  } else if (*op == "stop") {
    action.sla = SlaOp::kStop;
  } else {
    reader.Report(reader.PosOf(body), "'sla' action is start, pause or stop, not '" + *op + "'");
    return std::nullopt;
  }
  return action;
}

std::optional<Action> ParseReplyAction(const YAML::Node& body, Action action, YamlReader& reader) {
  if (body.IsMap()) {
    if (!reader.CheckMap(body, "'reply' action", {"template"})) return std::nullopt;
    auto id = reader.String(body, "template", "'reply' action", true);
    if (!id) return std::nullopt;
    action.template_id = *id;
    return action;
  }
  auto id = reader.Scalar(body, "'reply' action template");
  if (!id) return std::nullopt;
  action.template_id = *id;
  return action;
}

std::optional<Action> ParseAction(const YAML::Node& item, YamlReader& reader) {
  Action action;
  action.pos = reader.PosOf(item);
  if (item.IsScalar() && item.Scalar() == "close") return action;
  if (!item.IsMap() || item.size() != 1) {
    reader.Report(action.pos,
                  "an action is one of: assign, set, reply, notify, sla, close (one per item)");
    return std::nullopt;
  }
  const auto entry = *item.begin();
  const std::string kind = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
  const YAML::Node body = entry.second;
  if (kind == "assign" || kind == "notify") {
    action.kind = kind == "assign" ? ActionKind::kAssign : ActionKind::kNotify;
    auto target = ParseTarget(body, "'" + kind + "' action", reader);
    if (!target) return std::nullopt;
    action.target = *target;
    return action;
  }
  if (kind == "set") {
    action.kind = ActionKind::kSet;
    return ParseSetAction(body, action, reader);
  }
  if (kind == "reply") {
    action.kind = ActionKind::kReply;
    return ParseReplyAction(body, action, reader);
  }
  if (kind == "sla") {
    action.kind = ActionKind::kSla;
    return ParseSlaAction(body, action, reader);
  }
  if (kind == "close") return action;
  reader.Report(reader.PosOf(entry.first),
                "unknown action '" + kind +
                    "' (expected one of: assign, set, reply, notify, sla, "
                    "close)");
  return std::nullopt;
}

std::optional<Condition> ParseCondition(const YAML::Node& item, YamlReader& reader) {
  if (!reader.CheckMap(item, "guard condition",
                       {"field", "equals", "not_equals", "in", "present", "within_days"})) {
    return std::nullopt;
  }
  Condition condition;
  condition.pos = reader.PosOf(item);
  condition.field = reader.RefAt(item, "field", "guard condition", true);
  if (item.size() != 2) {
    reader.Report(condition.pos,
                  "a guard condition names 'field' and exactly one of: equals, "
                  "not_equals, in, present, within_days");
    return std::nullopt;
  }
  if (auto v = reader.String(item, "equals", "guard condition", false)) {
    condition.op = ConditionOp::kEquals;
    condition.values = {*v};
  } else if (auto nv = reader.String(item, "not_equals", "guard condition", false)) {
    condition.op = ConditionOp::kNotEquals;
    condition.values = {*nv};
  } else if (item["in"].IsDefined()) {
    condition.op = ConditionOp::kIn;
    for (const Ref& r : reader.RefList(item["in"], "guard 'in' value"))
      condition.values.push_back(r.id);
  } else if (item["present"].IsDefined()) {
    const bool present = reader.Bool(item, "present", "guard condition", true);
    condition.op = present ? ConditionOp::kPresent : ConditionOp::kAbsent;
  } else if (item["within_days"].IsDefined()) {
    condition.op = ConditionOp::kWithinDays;
    condition.days = reader.Int(item, "within_days", "guard condition", 0, 0, 36'500);
  } else {
    return std::nullopt;
  }
  if (condition.field.id.empty()) return std::nullopt;
  return condition;
}

std::vector<FieldRequirement> ParseRequirements(const YAML::Node& node, YamlReader& reader) {
  std::vector<FieldRequirement> out;
  if (!node.IsDefined() || !reader.CheckSequence(node, "transition 'fields'")) return out;
  for (const auto& item : node) {
    if (item.IsScalar()) {
      out.push_back(FieldRequirement{Ref{item.Scalar(), reader.PosOf(item)}, true});
      continue;
    }
    if (!reader.CheckMap(item, "transition field", {"field", "required"})) continue;
    Ref field = reader.RefAt(item, "field", "transition field", true);
    const bool required = reader.Bool(item, "required", "transition field", true);
    if (!field.id.empty()) out.push_back(FieldRequirement{field, required});
  }
  return out;
}

void ParseFrom(const YAML::Node& node, const std::string& what, Transition& t, YamlReader& reader) {
  if (!node.IsDefined()) {
    reader.Report(t.pos, what + " needs 'from'");
    return;
  }
  if (node.IsScalar() && node.Scalar() == "*") {
    t.from_any = true;
    return;
  }
  t.from = reader.RefList(node, what + " 'from'");
}

std::optional<Transition> ParseTransition(const YAML::Node& item, YamlReader& reader) {
  if (!reader.CheckMap(item, YamlReader::Describe(item, "transition"),
                       {"id", "label", "from", "to", "returns", "roles", "fields", "guard",
                        "actions", "auto_after_hours"})) {
    return std::nullopt;
  }
  auto id = reader.String(item, "id", "transition", true);
  if (!id) return std::nullopt;
  const std::string what = "transition '" + *id + "'";
  Transition t;
  t.id = *id;
  t.pos = reader.PosOf(item);
  t.label = reader.Text(item, "label", what, *id);
  ParseFrom(item["from"], what, t, reader);
  t.returns = reader.Bool(item, "returns", what, false);
  t.to = reader.RefAt(item, "to", what, false);
  t.roles_pos = item["roles"].IsDefined() ? reader.PosOf(item["roles"]) : t.pos;
  t.roles = ParseRoles(item["roles"], reader);
  t.fields = ParseRequirements(item["fields"], reader);
  if (item["guard"].IsDefined() && reader.CheckSequence(item["guard"], what + " 'guard'")) {
    for (const auto& c : item["guard"]) {
      if (auto condition = ParseCondition(c, reader)) t.guard.push_back(std::move(*condition));
    }
  }
  if (item["actions"].IsDefined()) t.actions = ParseActions(item["actions"], reader);
  t.auto_after_hours = reader.Int(item, "auto_after_hours", what, 0, 1, 100'000);
  return t;
}

}  // namespace

std::vector<Action> ParseActions(const YAML::Node& node, YamlReader& reader) {
  std::vector<Action> actions;
  if (!reader.CheckSequence(node, "'actions'")) return actions;
  for (const auto& item : node) {
    if (auto action = ParseAction(item, reader)) actions.push_back(std::move(*action));
  }
  return actions;
}

std::vector<Transition> ParseTransitions(const YAML::Node& node, YamlReader& reader) {
  std::vector<Transition> transitions;
  if (!node.IsDefined() || !reader.CheckSequence(node, "'transitions'")) return transitions;
  for (const auto& item : node) {
    if (auto t = ParseTransition(item, reader)) transitions.push_back(std::move(*t));
  }
  return transitions;
}

}  // namespace hd::workflow::internal
