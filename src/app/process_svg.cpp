#include "app/process_svg.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

namespace hd::app {

namespace {

struct ContextFree {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct GraphClose {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
struct RenderDataFree {
  void operator()(char* data) const { gvFreeRenderData(data); }
};

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

// Graphviz 2.42 and fontconfig keep caches they never free; in sanitizer
// builds LeakSanitizer would turn every rendering command into exit 1. Only
// allocations made inside those libraries are exempted. An ordinary build
// never calls this.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libcdt.so\nleak:libgvplugin_\n"
         "leak:libfontconfig.so\n";
}

Result<std::string> RenderSvg(std::string_view dot) {
  const std::lock_guard<std::mutex> lock(GraphvizMutex());
  std::unique_ptr<GVC_t, ContextFree> gvc(gvContext());
  if (!gvc) return Error::Internal("Graphviz could not start");
  const std::string text(dot);
  std::unique_ptr<Agraph_t, GraphClose> graph(agmemread(text.c_str()));
  if (!graph) return Error::InvalidArgument("the diagram is not valid DOT");
  if (gvLayout(gvc.get(), graph.get(), "dot") != 0) {
    return Error::Internal("Graphviz could not lay out the diagram (is the dot plugin installed?)");
  }
  char* raw = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), graph.get(), "svg", &raw, &length);
  std::unique_ptr<char, RenderDataFree> data(raw);
  gvFreeLayout(gvc.get(), graph.get());
  if (rendered != 0 || data == nullptr) {
    return Error::Internal("Graphviz could not render SVG (is the core plugin installed?)");
  }
  return std::string(data.get(), length);
}

}  // namespace hd::app
