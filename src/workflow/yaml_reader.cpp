#include "workflow/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace hd::workflow::internal {

namespace {

std::string Join(std::initializer_list<std::string_view> items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

SourcePos YamlReader::PosOf(const YAML::Node& node) {
  if (node.IsDefined()) {
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null()) last_ = SourcePos{mark.line + 1, mark.column + 1};
  }
  return last_;
}

void YamlReader::Report(SourcePos pos, std::string message) {
  problems_.push_back(Problem{file_, pos, std::move(message)});
}

bool YamlReader::CheckMap(const YAML::Node& node, std::string_view what,
                          std::initializer_list<std::string_view> allowed) {
  if (!node.IsDefined() || !node.IsMap()) {
    Report(PosOf(node), std::string(what) + " must be a mapping");
    return false;
  }
  std::set<std::string, std::less<>> seen;
  for (const auto& entry : node) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
    const SourcePos pos = PosOf(entry.first);
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      Report(pos, "unknown key '" + key + "' in " + std::string(what) +
                      " (expected one of: " + Join(allowed) + ")");
    } else if (!seen.insert(key).second) {
      Report(pos, "key '" + key + "' repeated in " + std::string(what));
    }
  }
  return true;
}

std::string YamlReader::Describe(const YAML::Node& node, std::string_view kind) {
  if (node.IsDefined() && node.IsMap()) {
    const YAML::Node id = node["id"];
    if (id.IsDefined() && id.IsScalar()) return std::string(kind) + " '" + id.Scalar() + "'";
  }
  return std::string(kind);
}

bool YamlReader::CheckSequence(const YAML::Node& node, std::string_view what) {
  if (node.IsDefined() && node.IsSequence()) return true;
  Report(PosOf(node), std::string(what) + " must be a list");
  return false;
}

std::optional<std::string> YamlReader::Scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsDefined() || !node.IsScalar()) {
    Report(PosOf(node), std::string(what) + " must be a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, std::string_view key,
                                              std::string_view what, bool required) {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) {
    if (required) {
      Report(PosOf(map), std::string(what) + " needs '" + std::string(key) + "'");
    }
    return std::nullopt;
  }
  return Scalar(node, std::string(what) + " '" + std::string(key) + "'");
}

std::optional<core::LocalText> YamlReader::LocalScalar(const YAML::Node& node,
                                                       std::string_view what) {
  if (!node.IsMap()) {
    auto text = Scalar(node, what);
    if (!text) return std::nullopt;
    return core::LocalText(std::move(*text));
  }
  core::LocalText out;
  for (const auto& entry : node) {
    auto language = Scalar(entry.first, std::string(what) + " language");
    auto text = Scalar(entry.second, std::string(what) + " text");
    if (!language || !text) continue;
    if (!core::IsKnownLanguage(*language)) {
      Report(PosOf(entry.first),
             std::string(what) + ": unknown language '" + *language + "' (expected ru or en)");
      continue;
    }
    out.Set(std::move(*language), std::move(*text));
  }
  if (out.empty()) {
    Report(PosOf(node), std::string(what) + " needs a text in at least one language");
    return std::nullopt;
  }
  return out;
}

core::LocalText YamlReader::Text(const YAML::Node& map, std::string_view key, std::string_view what,
                                 std::string_view fallback) {
  const YAML::Node node = map[std::string(key)];
  const core::LocalText otherwise =
      fallback.empty() ? core::LocalText() : core::LocalText(std::string(fallback));
  if (!node.IsDefined() || node.IsNull()) return otherwise;
  return LocalScalar(node, std::string(what) + " '" + std::string(key) + "'").value_or(otherwise);
}

bool YamlReader::Bool(const YAML::Node& map, std::string_view key, std::string_view what,
                      bool fallback) {
  auto text = String(map, key, what, false);
  if (!text) return fallback;
  if (*text == "true") return true;
  if (*text == "false") return false;
  Report(PosOf(map[std::string(key)]),
         std::string(what) + " '" + std::string(key) + "' must be true or false");
  return fallback;
}

std::int64_t YamlReader::Int(const YAML::Node& map, std::string_view key, std::string_view what,
                             std::int64_t fallback, std::int64_t min, std::int64_t max) {
  auto text = String(map, key, what, false);
  if (!text) return fallback;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc{} || ptr != end || value < min || value > max) {
    Report(PosOf(map[std::string(key)]), std::string(what) + " '" + std::string(key) +
                                             "' must be an integer from " + std::to_string(min) +
                                             " to " + std::to_string(max));
    return fallback;
  }
  return value;
}

Ref YamlReader::RefAt(const YAML::Node& map, std::string_view key, std::string_view what,
                      bool required) {
  auto text = String(map, key, what, required);
  if (!text) return Ref{};
  return Ref{*text, PosOf(map[std::string(key)])};
}

std::vector<Ref> YamlReader::RefList(const YAML::Node& node, std::string_view what) {
  std::vector<Ref> refs;
  if (!node.IsDefined()) return refs;
  if (node.IsScalar()) {
    refs.push_back(Ref{node.Scalar(), PosOf(node)});
    return refs;
  }
  if (!node.IsSequence()) {
    Report(PosOf(node), std::string(what) + " must be a value or a list of values");
    return refs;
  }
  for (const auto& item : node) {
    if (auto text = Scalar(item, what)) refs.push_back(Ref{*text, PosOf(item)});
  }
  return refs;
}

}  // namespace hd::workflow::internal
