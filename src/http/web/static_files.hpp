// Static web files (the built front end) under a root folder: "/" answers
// index.html, "/app.js" answers <root>/app.js. Paths that would leave the root
// ("..", encoded or not, symlinks pointing out) are refused as not found.
// Blocking file I/O: call from worker threads. Thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace hd::http {

// The file for `path` with Content-Type and X-Content-Type-Options, or
// kNotFound when `root` is empty, the path is unsafe, or no regular file is
// there.
Result<Response> ServeStatic(const std::filesystem::path& root, std::string_view path);

// A Content-Type for a file name's extension; application/octet-stream when
// unknown.
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace hd::http
