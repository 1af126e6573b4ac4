// Api: the JSON API and the static web files as a function from Request to
// Response. It matches the route, authenticates the caller (session cookie
// with the CSRF rule, or bearer token), runs the route's handler — which
// calls one use case — and maps every error to problem+json. It knows no
// sockets; Server calls Handle() on its worker pool.
//
// Thread-safe: Handle() may run on many worker threads at once. Handle()
// blocks on the store, so never call it on an I/O thread. The Services and
// Metrics passed in must outlive the Api.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/web/web_app.hpp"
#include "service/services.hpp"

namespace hd::http {

struct ApiOptions {
  // The web app's files (usually the bundle built into the binary); served
  // for GET and HEAD outside /api/ when web_root is empty.
  std::span<const WebFile> web_app;
  // A folder to serve the web app from instead (development); empty
  // serves web_app.
  std::filesystem::path web_root;
  // Adds the Secure attribute to the session cookie (set behind HTTPS).
  bool secure_cookies = false;
};

struct HandlerEnv;

class Api {
 public:
  Api(service::Services& services, ApiOptions options, Metrics& metrics);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Answers `request`. Never throws: an exception becomes a logged 500.
  // Sets Response::route to the matched template ("web" or "static" for web files,
  // "unmatched" when nothing matched).
  Response Handle(const Request& request) const;

  // While draining, /readyz answers 503 so load balancers move away.
  void SetDraining(bool draining) { draining_.store(draining); }

  // The (method, template) pairs of every API route; docs/openapi.yaml
  // must list exactly these.
  static std::vector<std::pair<std::string, std::string>> RouteTable();

 private:
  Response Dispatch(const Request& request) const;

  std::atomic<bool> draining_{false};
  std::unique_ptr<HandlerEnv> env_;
  Router router_;
  WebApp web_app_;
};

}  // namespace hd::http
