#include "http/router.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/pct_string_view.hpp>

namespace hd::http {

namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t pos = 1;  // skip the leading '/'
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    parts.emplace_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return parts;
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Percent-decodes one path segment; nullopt when the escapes are malformed.
std::optional<std::string> DecodeSegment(std::string_view raw) {
  auto checked = boost::urls::make_pct_string_view(raw);
  if (!checked) return std::nullopt;
  std::string out;
  for (char c : **checked) out.push_back(c);
  return out;
}

}  // namespace

std::string_view PathParams::Get(std::string_view name) const {
  for (const auto& [key, value] : values) {
    if (key == name) return value;
  }
  return {};
}

void Router::Add(std::string method, std::string pattern, int handler) {
  Route route{std::move(method), pattern, SplitPath(pattern), handler};
  routes_.push_back(std::move(route));
}

bool Router::MatchSegments(const Route& route, const std::vector<std::string>& parts,
                           PathParams* params) {
  if (route.segments.size() != parts.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (IsParam(segment)) {
      auto decoded = DecodeSegment(parts[i]);
      if (!decoded || decoded->empty()) return false;
      found.values.emplace_back(segment.substr(1, segment.size() - 2), std::move(*decoded));
    } else if (segment != parts[i]) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

int Router::Specificity(const Route& route) {
  int literals = 0;
  for (const auto& segment : route.segments) literals += IsParam(segment) ? 0 : 1;
  return literals;
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  const std::vector<std::string> parts = SplitPath(path);
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  const Route* best_path = nullptr;
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (!MatchSegments(route, parts, nullptr)) continue;
    if (best_path == nullptr || Specificity(route) > Specificity(*best_path)) best_path = &route;
    if (route.method == wanted && (best == nullptr || Specificity(route) > Specificity(*best))) {
      best = &route;
    }
  }
  if (best != nullptr) {
    result.kind = RouteMatch::Kind::kMatched;
    result.handler = best->handler;
    result.pattern = best->pattern;
    MatchSegments(*best, parts, &result.params);
    return result;
  }
  if (best_path == nullptr) return result;
  result.kind = RouteMatch::Kind::kMethodNotAllowed;
  result.pattern = best_path->pattern;
  for (const Route& route : routes_) {
    if (route.pattern != best_path->pattern) continue;
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += route.method;
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) out.emplace_back(route.method, route.pattern);
  return out;
}

}  // namespace hd::http
