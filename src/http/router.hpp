// Router: a table of (method, path template) routes such as
// ("GET", "/api/v1/tickets/{id}") and the matching of a request path against
// it. A route carries an opaque integer the caller uses to find its handler.
// Templates are literal segments and "{name}" parameters, one segment each.
// Built once, then read-only: Match is thread-safe on a const Router.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hd::http {

struct PathParams {
  std::vector<std::pair<std::string, std::string>> values;
  // The value of parameter `name`; empty when the route has no such parameter.
  std::string_view Get(std::string_view name) const;
};

struct RouteMatch {
  enum class Kind { kMatched, kNotFound, kMethodNotAllowed };
  Kind kind = Kind::kNotFound;
  int handler = -1;     // the route's handler number when matched
  std::string pattern;  // the template that matched the path (any method)
  PathParams params;    // decoded path parameters when matched
  std::string allow;    // "GET, POST" for kMethodNotAllowed
};

class Router {
 public:
  // Adds a route. Precondition: `pattern` starts with '/' and (method,
  // pattern) is not in the table yet.
  void Add(std::string method, std::string pattern, int handler);

  // Finds the route for `method` and `path`. A path that matches a template
  // under another method only is kMethodNotAllowed with `allow` listing the
  // methods; HEAD is answered by GET routes. Literal segments win over
  // parameters, so "/tickets/new" would beat "/tickets/{id}".
  RouteMatch Match(std::string_view method, std::string_view path) const;

  // Every (method, template) pair, in the order added.
  std::vector<std::pair<std::string, std::string>> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    int handler = -1;
  };
  static bool MatchSegments(const Route& route, const std::vector<std::string>& parts,
                            PathParams* params);
  static int Specificity(const Route& route);

  std::vector<Route> routes_;
};

}  // namespace hd::http
