// ChildProcessRenderer: renders process diagrams (DOT → SVG) for the server
// in a child process, `helpdesk process dot-svg`, which reads DOT on stdin
// and writes SVG on stdout. Graphviz keeps global state and is known to
// crash on some clustered graphs after repeated use in one process; a child
// per diagram keeps the server safe. Results are cached by DOT text.
//
// Thread-safe: the cache is guarded by a mutex; children run in parallel.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "service/process_engine.hpp"

namespace hd::app {

class ChildProcessRenderer final : public service::DiagramRenderer {
 public:
  // `executable` is the helpdesk binary; default: this process's own.
  explicit ChildProcessRenderer(std::string executable = "/proc/self/exe")
      : executable_(std::move(executable)) {}

  // kUnavailable when the child cannot be started, fails or takes longer
  // than 20 seconds.
  Result<std::string> RenderSvg(const std::string& dot) override;

 private:
  std::string executable_;
  std::mutex mutex_;
  std::map<std::string, std::string> cache_;  // DOT → SVG, at most kCacheSize
};

// Reads DOT from stdin and prints its SVG (the child's side). Returns the
// exit code.
int RunDotToSvg();

}  // namespace hd::app
