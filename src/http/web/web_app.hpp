// The web app built into the binary (web/ built by Vite, see docs/web.md):
// its files with their pre-compressed variants, served without touching
// the disk. Hashed assets (/assets/…) are cached for a year; index.html
// and the other files are revalidated by ETag on every load, so a new
// binary's app is seen at the next page load. Immutable after
// construction; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include "http/message.hpp"

namespace hd::http {

// One file of the app. The views point at bytes that live as long as the
// program (the embedded bundle) or the WebApp's user.
struct WebFile {
  std::string_view path;    // "/index.html", "/assets/main-3f2a1c.js"
  std::string_view body;    // as built
  std::string_view gzip;    // pre-compressed; empty when not smaller
  std::string_view brotli;  // pre-compressed; empty when not smaller
  std::string_view etag;    // quoted strong validator of `body`: "\"3f2a…\""
};

class WebApp {
 public:
  explicit WebApp(std::span<const WebFile> files);

  // The answer for GET or HEAD of `request.path` ("/" is index.html), or
  // nullopt when the app has no such file. 304 when If-None-Match holds
  // the file's ETag; the brotli or gzip variant when Accept-Encoding
  // admits it.
  std::optional<Response> Serve(const Request& request) const;

  bool empty() const { return files_.empty(); }

 private:
  std::unordered_map<std::string_view, const WebFile*> files_;
};

// Which pre-compressed codings an Accept-Encoding value admits (RFC 9110
// §12.5.3: "br;q=0" refuses, "*" admits every coding not named).
struct AcceptedCodings {
  bool brotli = false;
  bool gzip = false;
};
AcceptedCodings ParseAcceptEncoding(std::string_view header);

}  // namespace hd::http
