// Internal to the loader: checks a parsed Process for the problems a shape
// check cannot see: duplicate ids, references to unknown states, groups and
// fields, values that do not fit their field, transitions no role can fire,
// states that cannot be reached from the initial state and non-final states
// with no way out. Reports each problem to the reader.
#pragma once

#include "workflow/process.hpp"
#include "workflow/yaml_reader.hpp"

namespace hd::workflow::internal {

void ValidateReferences(const Process& process, YamlReader& reader);
void ValidateGraph(const Process& process, YamlReader& reader);

}  // namespace hd::workflow::internal
