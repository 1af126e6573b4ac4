#include "http/web/web_app.hpp"

#include <string>

#include "http/web/static_files.hpp"

namespace hd::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls `each` with every comma-separated element of a header list.
template <typename Each>
void ForEachElement(std::string_view list, Each each) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view element = Trim(list.substr(0, comma));
    if (!element.empty()) each(element);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// The q value of an Accept-Encoding element's parameters: 0 only for
// "q=0", "q=0.", "q=0.0"…; anything else admits.
bool Admits(std::string_view parameters) {
  while (!parameters.empty()) {
    const std::size_t semicolon = parameters.find(';');
    const std::string_view p = Trim(parameters.substr(0, semicolon));
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      const std::string_view value = Trim(p.substr(2));
      return !(value.starts_with('0') &&
               value.find_first_not_of("0.", 0) == std::string_view::npos);
    }
    if (semicolon == std::string_view::npos) break;
    parameters.remove_prefix(semicolon + 1);
  }
  return true;
}

// If-None-Match holds `etag` (weak comparison, RFC 9110 §13.1.2) or "*".
bool NoneMatchHolds(std::string_view header, std::string_view etag) {
  bool holds = false;
  ForEachElement(header, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) holds = true;
  });
  return holds;
}

}  // namespace

AcceptedCodings ParseAcceptEncoding(std::string_view header) {
  std::optional<bool> brotli, gzip, any;
  ForEachElement(header, [&](std::string_view element) {
    const std::size_t semicolon = element.find(';');
    const std::string_view coding = Trim(element.substr(0, semicolon));
    const bool admits =
        Admits(semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1));
    if (EqualsIgnoreCase(coding, "br")) {
      brotli = admits;
    } else if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
      gzip = admits;
    } else if (coding == "*") {
      any = admits;
    }
  });
  return AcceptedCodings{brotli.value_or(any.value_or(false)), gzip.value_or(any.value_or(false))};
}

WebApp::WebApp(std::span<const WebFile> files) {
  for (const WebFile& file : files) files_.emplace(file.path, &file);
}

std::optional<Response> WebApp::Serve(const Request& request) const {
  const std::string_view path =
      request.path == "/" ? std::string_view("/index.html") : std::string_view(request.path);
  const auto found = files_.find(path);
  if (found == files_.end()) return std::nullopt;
  const WebFile& file = *found->second;

  const AcceptedCodings accepted =
      ParseAcceptEncoding(request.Header("Accept-Encoding").value_or(""));
  std::string_view body = file.body;
  std::string_view coding;
  if (accepted.brotli && !file.brotli.empty()) {
    body = file.brotli;
    coding = "br";
  } else if (accepted.gzip && !file.gzip.empty()) {
    body = file.gzip;
    coding = "gzip";
  }
  // Each coding is its own representation with its own strong validator.
  std::string etag(file.etag);
  if (!coding.empty()) etag.insert(etag.size() - 1, "-" + std::string(coding));

  Response response;
  response.route = "web";
  response.SetHeader("ETag", etag);
  response.SetHeader("Cache-Control",
                     std::string(path.starts_with("/assets/") ? kImmutable : "no-cache"));
  if (!file.gzip.empty() || !file.brotli.empty()) response.SetHeader("Vary", "Accept-Encoding");
  if (NoneMatchHolds(request.Header("If-None-Match").value_or(""), etag)) {
    response.status = 304;
    return response;
  }
  response.SetHeader("Content-Type", std::string(ContentTypeFor(path)));
  if (!coding.empty()) response.SetHeader("Content-Encoding", std::string(coding));
  response.body.assign(body);
  return response;
}

}  // namespace hd::http
