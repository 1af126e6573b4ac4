// ParseLevels: levels.yaml into a LevelSet (see level.hpp).
#include <yaml-cpp/yaml.h>

#include <set>

#include "core/ticket.hpp"
#include "sla/duration.hpp"
#include "sla/level.hpp"

namespace hd::sla {

namespace {

Error At(const YAML::Mark& mark, const std::string& message) {
  return Error::InvalidArgument("levels.yaml:" + std::to_string(mark.line + 1) + ":" +
                                std::to_string(mark.column + 1) + ": " + message);
}

Result<std::string> Text(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar() || node.Scalar().empty()) return At(node.Mark(), key + " must be text");
  return node.Scalar();
}

// A text for people: one scalar for every language, or a mapping of
// languages to texts ({en: ..., ru: ...}).
Result<core::LocalText> LocalTextAt(const YAML::Node& node, const std::string& key) {
  if (node.IsScalar()) {
    HD_ASSIGN_OR_RETURN(std::string text, Text(node, key));
    if (core::HasControlCharacters(text)) return At(node.Mark(), key + " holds control characters");
    return core::LocalText(std::move(text));
  }
  if (!node.IsMap() || node.size() == 0) {
    return At(node.Mark(),
              key + " must be text or a mapping of languages to texts (en: ..., ru: ...)");
  }
  core::LocalText out;
  for (const auto& kv : node) {
    const std::string language = kv.first.Scalar();
    if (!core::IsKnownLanguage(language)) {
      return At(kv.first.Mark(), key + ": unknown language \"" + language + "\" (en or ru)");
    }
    HD_ASSIGN_OR_RETURN(std::string text, Text(kv.second, key));
    if (core::HasControlCharacters(text)) {
      return At(kv.second.Mark(), key + " holds control characters");
    }
    out.Set(language, std::move(text));
  }
  return out;
}

Result<std::chrono::seconds> Target(const YAML::Node& node, const std::string& key) {
  HD_ASSIGN_OR_RETURN(const std::string text, Text(node, key));
  auto d = ParseDuration(text, key);
  if (!d.ok() || d->count() <= 0) {
    return At(node.Mark(), key + " must be a positive duration such as 6h or 90m");
  }
  return *d;
}

Result<EntitlementGrant> ParseGrant(const YAML::Node& node, const std::string& key) {
  if (node.IsScalar()) {
    const std::string& v = node.Scalar();
    if (v == "yes" || v == "true") return EntitlementGrant{Grant::kYes, {}};
    if (v == "no" || v == "false") return EntitlementGrant{Grant::kNo, {}};
    return At(node.Mark(), key + " must be yes, no or {grant: limited, note: ...}");
  }
  if (!node.IsMap())
    return At(node.Mark(), key + " must be yes, no or {grant: limited, note: ...}");
  EntitlementGrant g{Grant::kLimited, {}};
  for (const auto& kv : node) {
    const std::string k = kv.first.Scalar();
    if (k == "grant") {
      if (kv.second.Scalar() != "limited") return At(kv.second.Mark(), "grant must be limited");
    } else if (k == "note") {
      HD_ASSIGN_OR_RETURN(g.note, LocalTextAt(kv.second, "note"));
    } else {
      return At(kv.first.Mark(), "unknown key \"" + k + "\" in " + key);
    }
  }
  if (g.note.empty()) return At(node.Mark(), key + ": a limited grant needs a note");
  return g;
}

Status ParseEntitlements(const YAML::Node& node, SupportLevel& level) {
  if (!node.IsMap()) return At(node.Mark(), "entitlements must be a mapping");
  std::set<Entitlement> seen;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const auto e = EntitlementFromKey(key);
    if (!e) return At(kv.first.Mark(), "unknown entitlement \"" + key + "\"");
    HD_ASSIGN_OR_RETURN(level.entitlements[static_cast<std::size_t>(*e)],
                        ParseGrant(kv.second, key));
    seen.insert(*e);
  }
  if (seen.size() != kEntitlementCount) {
    return At(node.Mark(), "level " + level.id + " must list every entitlement");
  }
  return Ok();
}

Status ParseValidity(const YAML::Node& node, SupportLevel& level) {
  HD_ASSIGN_OR_RETURN(const std::string text, Text(node, "validity"));
  if (text == "unlimited") return Ok();
  int years = 0;
  if (text.size() >= 2 && text.back() == 'y' &&
      text.find_first_not_of("0123456789") == text.size() - 1) {
    years = std::stoi(text.substr(0, text.size() - 1));
  }
  if (years <= 0) return At(node.Mark(), "validity must be unlimited or whole years such as 1y");
  level.validity_years = years;
  return Ok();
}

Status ParseEditions(const YAML::Node& node, SupportLevel& level) {
  if (!node.IsSequence()) return At(node.Mark(), "editions must be a list");
  for (const auto& item : node) {
    HD_ASSIGN_OR_RETURN(std::string edition, Text(item, "an edition"));
    level.editions.push_back(std::move(edition));
  }
  return Ok();
}

Status ParseEscalation(const YAML::Node& node, SupportLevel& level) {
  if (!node.IsMap()) {
    return At(node.Mark(), "escalation must be a mapping such as {group: l2, criticality: high}");
  }
  Escalation e;
  for (const auto& kv : node) {
    const std::string k = kv.first.Scalar();
    if (k == "group") {
      HD_ASSIGN_OR_RETURN(e.group, Text(kv.second, "escalation group"));
    } else if (k == "criticality") {
      HD_ASSIGN_OR_RETURN(e.criticality, Text(kv.second, "escalation criticality"));
      if (!core::ParseCriticality(e.criticality)) {
        return At(kv.second.Mark(), "escalation criticality must be low, normal, high or critical");
      }
    } else {
      return At(kv.first.Mark(), "unknown key \"" + k + "\" in escalation");
    }
  }
  level.escalation = std::move(e);
  return Ok();
}

Status ParseKey(const std::string& key, const YAML::Node& v, SupportLevel& level) {
  auto text = [&](std::string& out) -> Status {
    HD_ASSIGN_OR_RETURN(out, Text(v, key));
    return Ok();
  };
  if (key == "id") return text(level.id);
  if (key == "title" || key == "who") {
    HD_ASSIGN_OR_RETURN((key == "title" ? level.title : level.who), LocalTextAt(v, key));
    return Ok();
  }
  if (key == "calendar") return text(level.calendar);
  if (key == "first_response") {
    HD_ASSIGN_OR_RETURN(level.first_response, Target(v, key));
    return Ok();
  }
  if (key == "next_response" || key == "resolution") {
    HD_ASSIGN_OR_RETURN(const auto target, Target(v, key));
    (key == "resolution" ? level.resolution : level.next_response) = target;
    return Ok();
  }
  if (key == "validity") return ParseValidity(v, level);
  if (key == "editions") return ParseEditions(v, level);
  if (key == "entitlements") return ParseEntitlements(v, level);
  if (key == "escalation") return ParseEscalation(v, level);
  if (key == "warning_percent") {
    const std::string& s = v.Scalar();
    const bool digits =
        !s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string::npos;
    level.warning_percent = digits ? std::stoi(s) : 0;
    if (level.warning_percent < 1 || level.warning_percent > 100) {
      return At(v.Mark(), "warning_percent must be a whole number from 1 to 100");
    }
    return Ok();
  }
  return Error::InvalidArgument("unknown key \"" + key + "\"");
}

Result<SupportLevel> ParseLevel(const YAML::Node& node) {
  if (!node.IsMap()) return At(node.Mark(), "a level must be a mapping");
  SupportLevel level;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    auto status = ParseKey(key, kv.second, level);
    if (!status.ok()) {
      const Error& e = status.error();
      if (e.message.rfind("levels.yaml:", 0) == 0) return e;
      return At(kv.first.Mark(), e.message);
    }
  }
  for (const char* required : {"id", "first_response", "calendar", "validity", "entitlements"}) {
    if (!node[required]) return At(node.Mark(), "level lacks \"" + std::string(required) + "\"");
  }
  return level;
}

Result<LevelSet> ParseLevelsNode(const YAML::Node& root) {
  if (!root.IsMap()) return At(root.Mark(), "the file must be a mapping with key \"levels\"");
  for (const auto& kv : root) {
    if (kv.first.Scalar() != "levels") {
      return At(kv.first.Mark(), "unknown key \"" + kv.first.Scalar() + "\"");
    }
  }
  const YAML::Node list = root["levels"];
  if (!list || !list.IsSequence()) return At(root.Mark(), "\"levels\" must be a list");
  std::vector<SupportLevel> levels;
  for (const auto& item : list) {
    HD_ASSIGN_OR_RETURN(SupportLevel level, ParseLevel(item));
    for (const auto& other : levels) {
      if (other.id == level.id) return At(item.Mark(), "duplicate level id \"" + level.id + "\"");
    }
    levels.push_back(std::move(level));
  }
  LevelSet set(std::move(levels));
  for (std::string_view id : kRequiredLevelIds) {
    if (set.Find(id) == nullptr) {
      return Error::InvalidArgument("levels.yaml: lacks the required level \"" + std::string(id) +
                                    "\"");
    }
  }
  return set;
}

}  // namespace

Result<LevelSet> ParseLevels(std::string_view yaml_text) {
  try {
    return ParseLevelsNode(YAML::Load(std::string(yaml_text)));
  } catch (const YAML::Exception& e) {
    return At(e.mark, e.msg);
  }
}

}  // namespace hd::sla
