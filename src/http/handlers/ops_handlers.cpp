// Liveness, readiness and metrics for operators and load balancers.
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/problem.hpp"

namespace hd::http::handlers {

Result<Response> Healthz(Context&) { return Json(200, boost::json::object{{"status", "ok"}}); }

Result<Response> Readyz(Context& context) {
  if (context.env.draining.load()) {
    return ProblemResponse(503, "draining", "the server is shutting down");
  }
  Status ping = context.services().store.Ping();
  if (!ping.ok()) {
    return ProblemResponse(503, "database-unavailable", ping.error().message);
  }
  return Json(200, boost::json::object{{"status", "ready"}});
}

Result<Response> MetricsText(Context& context) {
  Response response;
  response.SetHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  response.body = context.env.metrics.Render();
  return response;
}

}  // namespace hd::http::handlers
