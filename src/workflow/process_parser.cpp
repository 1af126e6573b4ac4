#include "workflow/process_parser.hpp"

#include <algorithm>

namespace hd::workflow::internal {

namespace {

std::string AllRoleIds() {
  std::string out;
  for (core::Role role : core::kAllRoles) {
    if (!out.empty()) out += ", ";
    out += core::ToString(role);
  }
  return out;
}

std::vector<Group> ParseGroups(const YAML::Node& node, YamlReader& reader) {
  std::vector<Group> groups;
  if (!node.IsDefined() || !reader.CheckSequence(node, "'groups'")) return groups;
  for (const auto& item : node) {
    if (!reader.CheckMap(item, YamlReader::Describe(item, "group"), {"id", "label"})) continue;
    auto id = reader.String(item, "id", "group", true);
    if (!id) continue;
    groups.push_back(Group{*id, reader.Text(item, "label", "group", *id), reader.PosOf(item)});
  }
  return groups;
}

// option_labels: {value: text or {en: …, ru: …}} for values of `options`.
void ParseOptionLabels(const YAML::Node& node, const std::string& what, FieldDef& field,
                       YamlReader& reader) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    reader.Report(reader.PosOf(node), what + ": 'option_labels' must map options to text");
    return;
  }
  for (const auto& entry : node) {
    auto option = reader.Scalar(entry.first, what + " option label");
    auto text = reader.LocalScalar(entry.second, what + " option label");
    if (!option || !text) continue;
    if (std::find(field.options.begin(), field.options.end(), *option) == field.options.end()) {
      reader.Report(reader.PosOf(entry.first),
                    what + ": option_labels names '" + *option + "', which is not an option");
      continue;
    }
    field.option_labels[*option] = std::move(*text);
  }
}

std::optional<FieldDef> ParseField(const YAML::Node& item, YamlReader& reader) {
  if (!reader.CheckMap(item, YamlReader::Describe(item, "field"),
                       {"id", "label", "type", "options", "option_labels"}))
    return std::nullopt;
  auto id = reader.String(item, "id", "field", true);
  if (!id) return std::nullopt;
  FieldDef field{*id,
                 reader.Text(item, "label", "field", *id),
                 FieldType::kString,
                 {},
                 {},
                 reader.PosOf(item)};
  const std::string what = "field '" + *id + "'";
  if (auto type = reader.String(item, "type", what, true)) {
    if (auto parsed = ParseFieldType(*type)) {
      field.type = *parsed;
    } else {
      reader.Report(
          reader.PosOf(item["type"]),
          what + ": unknown type '" + *type + "' (expected one of: " + AllFieldTypeIds() + ")");
    }
  }
  if (item["options"].IsDefined()) {
    for (const Ref& option : reader.RefList(item["options"], what + " option")) {
      field.options.push_back(option.id);
    }
  }
  ParseOptionLabels(item["option_labels"], what, field, reader);
  return field;
}

std::vector<FieldDef> ParseFields(const YAML::Node& node, YamlReader& reader) {
  std::vector<FieldDef> fields;
  if (!node.IsDefined() || !reader.CheckSequence(node, "'fields'")) return fields;
  for (const auto& item : node) {
    if (auto field = ParseField(item, reader)) fields.push_back(std::move(*field));
  }
  return fields;
}

void ParseInstructions(const YAML::Node& node, const std::string& what, State& state,
                       YamlReader& reader) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    reader.Report(reader.PosOf(node), what + ": 'instructions' must map roles to text");
    return;
  }
  for (const auto& entry : node) {
    auto role = ParseRoleRef(entry.first, reader);
    auto text = reader.LocalScalar(entry.second, what + " instructions");
    if (role && text) state.instructions[*role] = std::move(*text);
  }
}

std::optional<State> ParseState(const YAML::Node& item, YamlReader& reader) {
  if (!reader.CheckMap(item, YamlReader::Describe(item, "state"),
                       {"id", "label", "customer_label", "tier", "owner", "clock_runs", "final",
                        "instructions"})) {
    return std::nullopt;
  }
  auto id = reader.String(item, "id", "state", true);
  if (!id) return std::nullopt;
  const std::string what = "state '" + *id + "'";
  State state;
  state.id = *id;
  state.pos = reader.PosOf(item);
  state.label = reader.Text(item, "label", what, *id);
  state.customer_label = reader.Text(item, "customer_label", what, "");
  state.tier = static_cast<int>(reader.Int(item, "tier", what, 1, 1, 3));
  state.final = reader.Bool(item, "final", what, false);
  state.clock_runs = reader.Bool(item, "clock_runs", what, !state.final);
  if (item["owner"].IsDefined()) {
    if (auto owner = ParseTarget(item["owner"], what + " owner", reader)) {
      if (owner->kind == TargetKind::kRole || owner->kind == TargetKind::kGroup) {
        state.owner = *owner;
        state.owner_pos = reader.PosOf(item["owner"]);
      } else {
        reader.Report(reader.PosOf(item["owner"]), what + ": an owner is a role or a group");
      }
    }
  } else if (!state.final) {
    reader.Report(state.pos, what + " needs an 'owner' (a role or a group)");
  }
  ParseInstructions(item["instructions"], what, state, reader);
  return state;
}

std::vector<State> ParseStates(const YAML::Node& node, YamlReader& reader) {
  std::vector<State> states;
  if (!node.IsDefined()) {
    reader.Report(SourcePos{1, 1}, "the process needs 'states'");
    return states;
  }
  if (!reader.CheckSequence(node, "'states'")) return states;
  for (const auto& item : node) {
    if (auto state = ParseState(item, reader)) states.push_back(std::move(*state));
  }
  return states;
}

ApprovalBranch ParseBranch(const YAML::Node& node, const std::string& what, YamlReader& reader) {
  ApprovalBranch branch;
  if (!reader.CheckMap(node, what, {"id", "label", "to", "actions"})) return branch;
  branch.pos = reader.PosOf(node);
  branch.id = reader.String(node, "id", what, true).value_or("");
  branch.label = reader.Text(node, "label", what, branch.id);
  branch.to = reader.RefAt(node, "to", what, true);
  if (node["actions"].IsDefined()) branch.actions = ParseActions(node["actions"], reader);
  return branch;
}

std::optional<ApprovalStep> ParseApproval(const YAML::Node& item, YamlReader& reader) {
  if (!reader.CheckMap(
          item, YamlReader::Describe(item, "approval"),
          {"id", "label", "state", "role", "quorum", "reason_field", "approve", "reject"})) {
    return std::nullopt;
  }
  auto id = reader.String(item, "id", "approval", true);
  if (!id) return std::nullopt;
  const std::string what = "approval '" + *id + "'";
  ApprovalStep step;
  step.id = *id;
  step.pos = reader.PosOf(item);
  step.label = reader.Text(item, "label", what, *id);
  step.state = reader.RefAt(item, "state", what, true);
  if (item["role"].IsDefined()) {
    if (auto role = ParseRoleRef(item["role"], reader)) step.role = *role;
  } else {
    reader.Report(step.pos, what + " needs 'role'");
  }
  step.quorum = static_cast<int>(reader.Int(item, "quorum", what, 2, 1, 1000));
  step.reason_field = reader.RefAt(item, "reason_field", what, true);
  step.approve = ParseBranch(item["approve"], what + " 'approve'", reader);
  step.reject = ParseBranch(item["reject"], what + " 'reject'", reader);
  return step;
}

std::vector<ApprovalStep> ParseApprovals(const YAML::Node& node, YamlReader& reader) {
  std::vector<ApprovalStep> steps;
  if (!node.IsDefined() || !reader.CheckSequence(node, "'approvals'")) return steps;
  for (const auto& item : node) {
    if (auto step = ParseApproval(item, reader)) steps.push_back(std::move(*step));
  }
  return steps;
}

}  // namespace

std::optional<core::Role> ParseRoleRef(const YAML::Node& node, YamlReader& reader) {
  auto id = reader.Scalar(node, "a role");
  if (!id) return std::nullopt;
  auto role = core::ParseRole(*id);
  if (!role) {
    reader.Report(reader.PosOf(node),
                  "unknown role '" + *id + "' (expected one of: " + AllRoleIds() + ")");
  }
  return role;
}

std::vector<core::Role> ParseRoles(const YAML::Node& node, YamlReader& reader) {
  std::vector<core::Role> roles;
  if (node.IsDefined() && node.IsScalar()) {
    if (auto role = ParseRoleRef(node, reader)) roles.push_back(*role);
    return roles;
  }
  if (!node.IsDefined() || !reader.CheckSequence(node, "'roles'")) return roles;
  for (const auto& item : node) {
    if (auto role = ParseRoleRef(item, reader)) roles.push_back(*role);
  }
  return roles;
}

std::optional<Target> ParseTarget(const YAML::Node& node, std::string_view what,
                                  YamlReader& reader) {
  if (!reader.CheckMap(node, what, {"role", "group", "user_field", "person"})) return std::nullopt;
  if (node.size() != 1) {
    reader.Report(reader.PosOf(node),
                  std::string(what) + " names exactly one of role, group, user_field, person");
    return std::nullopt;
  }
  const auto entry = *node.begin();
  const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
  if (key != "role" && key != "group" && key != "user_field" && key != "person") {
    return std::nullopt;  // CheckMap has reported the key
  }
  if (key == "role") {
    auto role = ParseRoleRef(entry.second, reader);
    if (!role) return std::nullopt;
    return Target{TargetKind::kRole, std::string(core::ToString(*role)), {}};
  }
  auto id = reader.Scalar(entry.second, std::string(what) + " '" + key + "'");
  if (!id) return std::nullopt;
  if (key == "group") return Target{TargetKind::kGroup, *id, {}};
  if (key == "user_field") return Target{TargetKind::kUserField, *id, {}};
  if (*id == "actor") return Target{TargetKind::kActor, "", {}};
  if (*id == "initiator") return Target{TargetKind::kInitiator, "", {}};
  reader.Report(reader.PosOf(entry.second),
                std::string(what) + ": person is 'actor' or 'initiator', not '" + *id + "'");
  return std::nullopt;
}

Process ParseProcessDocument(const YAML::Node& root, YamlReader& reader) {
  Process process;
  if (!reader.CheckMap(root, "the process definition",
                       {"id", "version", "label", "initial", "groups", "fields", "states",
                        "transitions", "approvals"})) {
    return process;
  }
  process.id = reader.String(root, "id", "the process", true).value_or("");
  process.version = reader.Int(root, "version", "the process", 0, 1, 1'000'000);
  if (!root["version"].IsDefined())
    reader.Report(reader.PosOf(root), "the process needs 'version'");
  process.label = reader.Text(root, "label", "the process", process.id);
  process.initial = reader.RefAt(root, "initial", "the process", true);
  process.groups = ParseGroups(root["groups"], reader);
  process.fields = ParseFields(root["fields"], reader);
  process.states = ParseStates(root["states"], reader);
  process.transitions = ParseTransitions(root["transitions"], reader);
  process.approvals = ParseApprovals(root["approvals"], reader);
  return process;
}

}  // namespace hd::workflow::internal
