// The headers every answer carries so that a browser never reads it as
// something else or shows it inside another site's frame: a Content
// Security Policy (pages may load scripts, styles and data from this origin
// only and run no inline script; every other answer may load nothing),
// frame-ancestors 'none', no Referer sent on, and nosniff. A header the
// handler set itself is kept. Pure; thread-safe.
#pragma once

#include "http/message.hpp"

namespace hd::http {

inline constexpr std::string_view kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
inline constexpr std::string_view kResourcePolicy =
    "default-src 'none'; frame-ancestors 'none'; sandbox";

void AddSecurityHeaders(Response& response);

}  // namespace hd::http
