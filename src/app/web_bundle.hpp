// The web app built into this binary: web/ built by Vite at build time
// (scripts/build-web) and embedded by cmake/EmbedWeb.cmake. Empty when the
// binary was built with -DHD_EMBED_WEB=OFF.
#pragma once

#include <span>

#include "http/web/web_app.hpp"

namespace hd::app {

std::span<const http::WebFile> BundledWebFiles();

}  // namespace hd::app
