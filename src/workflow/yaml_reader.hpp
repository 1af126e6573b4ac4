// Internal to the loader: reads yaml-cpp nodes while collecting problems with
// their positions, so that parsing goes on after the first mistake.
// One reader per load; not thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/local_text.hpp"
#include "workflow/loader.hpp"

namespace hd::workflow::internal {

class YamlReader {
 public:
  explicit YamlReader(std::string_view file_name) : file_(file_name) {}

  // 1-based position of `node`; the last known position when it has none.
  SourcePos PosOf(const YAML::Node& node);
  void Report(SourcePos pos, std::string message);
  std::vector<Problem> TakeProblems() { return std::move(problems_); }

  // True when `node` is a map whose keys are all in `allowed` (each once).
  // Reports each unknown or repeated key; reports a non-map and returns false.
  bool CheckMap(const YAML::Node& node, std::string_view what,
                std::initializer_list<std::string_view> allowed);
  // "state 'open'" when `node` is a map with a scalar id, else `kind`.
  static std::string Describe(const YAML::Node& node, std::string_view kind);
  // True when `node` is a sequence; reports otherwise.
  bool CheckSequence(const YAML::Node& node, std::string_view what);

  // The text of a scalar `node`; reports and returns nullopt otherwise.
  std::optional<std::string> Scalar(const YAML::Node& node, std::string_view what);
  // map[key] as text; reports a missing key when `required`.
  std::optional<std::string> String(const YAML::Node& map, std::string_view key,
                                    std::string_view what, bool required);
  // A text for people: a scalar (every language) or a map from language
  // to text ({en: New, ru: Новый}); reports anything else.
  std::optional<core::LocalText> LocalScalar(const YAML::Node& node, std::string_view what);
  // map[key] as LocalScalar; `fallback` when absent or bad (no text at all
  // for an empty fallback).
  core::LocalText Text(const YAML::Node& map, std::string_view key, std::string_view what,
                       std::string_view fallback);
  // map[key] as "true"/"false"; `fallback` when absent.
  bool Bool(const YAML::Node& map, std::string_view key, std::string_view what, bool fallback);
  // map[key] as an integer within [min, max]; `fallback` when absent or bad.
  std::int64_t Int(const YAML::Node& map, std::string_view key, std::string_view what,
                   std::int64_t fallback, std::int64_t min, std::int64_t max);
  // map[key] as a reference (id + position); empty id when absent.
  Ref RefAt(const YAML::Node& map, std::string_view key, std::string_view what, bool required);
  // A scalar or a sequence of scalars, as references.
  std::vector<Ref> RefList(const YAML::Node& node, std::string_view what);

 private:
  std::string file_;
  std::vector<Problem> problems_;
  SourcePos last_{1, 1};
};

}  // namespace hd::workflow::internal
