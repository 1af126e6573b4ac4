#include "http/web/web_app.hpp"

#include <string>

#include "core/quality_list.hpp"
#include "http/security_headers.hpp"
#include "http/web/static_files.hpp"

namespace hd::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

// If-None-Match holds `etag` (weak comparison, RFC 9110 §13.1.2) or "*":
// a comma-separated list of entity tags (not a weighted list).
bool NoneMatchHolds(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

AcceptedCodings ParseAcceptEncoding(std::string_view header) {
  std::optional<bool> brotli, gzip, any;
  for (const core::Weighted& coding : core::ParseQualityList(header)) {
    const bool admits = coding.q > 0;
    if (EqualsIgnoreCase(coding.value, "br")) {
      brotli = admits;
    } else if (EqualsIgnoreCase(coding.value, "gzip") || EqualsIgnoreCase(coding.value, "x-gzip")) {
      gzip = admits;
    } else if (coding.value == "*") {
      any = admits;
    }
  }
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
  // Set here, not from the Content-Type later on: a browser takes a 304's
  // headers into the page it has cached, and the policy of an answer
  // without a type would forbid the page its own scripts and styles.
  const std::string_view type = ContentTypeFor(path);
  response.SetHeader("Content-Security-Policy",
                     std::string(type.starts_with("text/html") ? kPagePolicy : kResourcePolicy));
  if (NoneMatchHolds(request.Header("If-None-Match").value_or(""), etag)) {
    response.status = 304;
    return response;
  }
  response.SetHeader("Content-Type", std::string(type));
  if (!coding.empty()) response.SetHeader("Content-Encoding", std::string(coding));
  response.body.assign(body);
  return response;
}

}  // namespace hd::http
