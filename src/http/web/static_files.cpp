#include "http/web/static_files.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/pct_string_view.hpp>
#include <fstream>
#include <iterator>

namespace hd::http {

namespace {

Error NoFile() { return Error::NotFound("no such file"); }

// The decoded relative path, or nullopt when any segment is "", ".", "..",
// or holds a backslash or NUL.
std::optional<std::filesystem::path> SafeRelative(std::string_view path) {
  auto checked = boost::urls::make_pct_string_view(path);
  if (!checked) return std::nullopt;
  std::string decoded;
  for (char c : **checked) decoded.push_back(c);
  if (decoded == "/") return std::filesystem::path("index.html");
  std::filesystem::path out;
  std::string_view rest = std::string_view(decoded).substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment == "." || segment == ".." ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return std::nullopt;
    }
    out /= std::string(segment);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  return out;
}

bool Inside(const std::filesystem::path& root, const std::filesystem::path& file) {
  auto r = root.begin();
  auto f = file.begin();
  for (; r != root.end(); ++r, ++f) {
    if (f == file.end() || *r != *f) return false;
  }
  return true;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view filename) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webp", "image/webp"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (filename.size() >= ext.size() && filename.substr(filename.size() - ext.size()) == ext) {
      return type;
    }
  }
  return "application/octet-stream";
}

Result<Response> ServeStatic(const std::filesystem::path& root, std::string_view path) {
  if (root.empty() || path.empty() || path.front() != '/') return NoFile();
  auto relative = SafeRelative(path);
  if (!relative) return NoFile();
  std::error_code ec;
  const auto canonical_root = std::filesystem::canonical(root, ec);
  if (ec) return NoFile();
  const auto file = std::filesystem::canonical(canonical_root / *relative, ec);
  if (ec || !Inside(canonical_root, file) || !std::filesystem::is_regular_file(file, ec)) {
    return NoFile();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return NoFile();
  Response response;
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  response.SetHeader("Content-Type", std::string(ContentTypeFor(file.filename().string())));
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

}  // namespace hd::http
