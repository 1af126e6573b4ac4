// Internal to the loader: turns a YAML document into a Process, reporting
// shape problems (unknown keys, wrong node kinds, unknown roles, field types
// and action kinds) to the reader and keeping every part it could read.
// Cross-references and the shape of the graph are checked by
// process_validator.hpp afterwards.
#pragma once

#include <yaml-cpp/yaml.h>

#include "workflow/process.hpp"
#include "workflow/yaml_reader.hpp"

namespace hd::workflow::internal {

Process ParseProcessDocument(const YAML::Node& root, YamlReader& reader);

// Pieces shared between the state, transition and approval parsers.
std::optional<core::Role> ParseRoleRef(const YAML::Node& node, YamlReader& reader);
std::vector<core::Role> ParseRoles(const YAML::Node& node, YamlReader& reader);
std::optional<Target> ParseTarget(const YAML::Node& node, std::string_view what,
                                  YamlReader& reader);
std::vector<Action> ParseActions(const YAML::Node& node, YamlReader& reader);
std::vector<Transition> ParseTransitions(const YAML::Node& node, YamlReader& reader);

}  // namespace hd::workflow::internal
