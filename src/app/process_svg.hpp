// Rendering a process diagram (Graphviz DOT, see workflow/diagram.hpp) to SVG
// with the Graphviz library (gvc, cgraph). Graphviz keeps global state, so
// calls are serialised internally; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::app {

// The SVG document for `dot`, laid out with the "dot" engine. Errors:
// kInvalidArgument when `dot` does not parse, kInternal when Graphviz
// cannot lay out or render it (e.g. its plugins are not installed).
Result<std::string> RenderSvg(std::string_view dot);

}  // namespace hd::app
