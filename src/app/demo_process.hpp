// Demo tickets that show the business process at work: one in each of the
// interesting states of the default process, moved there through the real
// transitions by the demo users of the right roles (see demo.cpp).
#pragma once

#include "app/runtime.hpp"
#include "core/error.hpp"

namespace hd::app {

// Opens and walks the process demo tickets. Expects the demo users to exist;
// does nothing when no process is loaded.
Status SeedProcessDemo(Runtime& runtime);

}  // namespace hd::app
