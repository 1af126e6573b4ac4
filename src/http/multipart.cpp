#include "http/multipart.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/pct_string_view.hpp>

#include "http/message.hpp"

namespace hd::http {

namespace {

constexpr std::string_view kCrlf = "\r\n";

Error Malformed(std::string message) {
  return Error::InvalidArgument(std::move(message)).WithReason("malformed-multipart");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reads a quoted-string starting at text[pos] == '"'; advances pos past it.
std::optional<std::string> ReadQuoted(std::string_view text, std::size_t& pos) {
  std::string out;
  for (++pos; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '"') {
      ++pos;
      return out;
    }
    if (c == '\\' && pos + 1 < text.size()) c = text[++pos];
    out.push_back(c);
  }
  return std::nullopt;
}

// The last path component: browsers may send "C:\\Users\\me\\a.png".
std::string BaseName(std::string_view name) {
  std::size_t cut = name.find_last_of("/\\");
  return std::string(cut == std::string_view::npos ? name : name.substr(cut + 1));
}

// RFC 5987 ext-value "UTF-8''a%20b.png"; nullopt when not decodable.
std::optional<std::string> DecodeExtValue(std::string_view text) {
  std::size_t quote = text.find("''");
  if (quote == std::string_view::npos) return std::nullopt;
  auto checked = boost::urls::make_pct_string_view(text.substr(quote + 2));
  if (!checked) return std::nullopt;
  std::string out;
  for (char c : **checked) out.push_back(c);
  return out;
}

}  // namespace

Result<HeaderValue> ParseHeaderValue(std::string_view text) {
  HeaderValue out;
  std::size_t semi = text.find(';');
  out.value = ToLower(Trim(text.substr(0, semi)));
  std::size_t pos = semi == std::string_view::npos ? text.size() : semi + 1;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    if (pos >= text.size()) break;
    std::size_t eq = text.find('=', pos);
    std::size_t next_semi = text.find(';', pos);
    if (eq == std::string_view::npos || (next_semi != std::string_view::npos && next_semi < eq)) {
      return Error::InvalidArgument("header parameter without a value");
    }
    std::string name = ToLower(Trim(text.substr(pos, eq - pos)));
    pos = eq + 1;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    std::string value;
    if (pos < text.size() && text[pos] == '"') {
      auto quoted = ReadQuoted(text, pos);
      if (!quoted) return Error::InvalidArgument("unterminated quoted string in header");
      value = std::move(*quoted);
      while (pos < text.size() && text[pos] != ';') ++pos;
    } else {
      std::size_t end = text.find(';', pos);
      if (end == std::string_view::npos) end = text.size();
      value = std::string(Trim(text.substr(pos, end - pos)));
      pos = end;
    }
    if (pos < text.size() && text[pos] == ';') ++pos;
    out.params[std::move(name)] = std::move(value);
  }
  return out;
}

namespace {

// Fills `part` from its header block (without the blank line).
Status ParsePartHeaders(std::string_view block, MultipartPart& part) {
  bool has_disposition = false;
  part.content_type = "text/plain";
  while (!block.empty()) {
    std::size_t end = block.find(kCrlf);
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Malformed("malformed part header");
    std::string_view name = line.substr(0, colon);
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Type")) {
      part.content_type = std::string(value);
    } else if (EqualsIgnoreCase(name, "Content-Disposition")) {
      auto parsed = ParseHeaderValue(value);
      if (!parsed.ok() || parsed->value != "form-data") {
        return Malformed("a part's Content-Disposition must be form-data");
      }
      auto& params = parsed->params;
      part.name = params["name"];
      part.is_file = params.count("filename") > 0 || params.count("filename*") > 0;
      std::string filename = params["filename"];
      if (auto it = params.find("filename*"); it != params.end()) {
        if (auto decoded = DecodeExtValue(it->second)) filename = std::move(*decoded);
      }
      part.filename = BaseName(filename);
      has_disposition = true;
    }
  }
  if (!has_disposition || part.name.empty()) return Malformed("a part has no field name");
  return Ok();
}

Result<std::string> BoundaryOf(std::string_view content_type) {
  auto parsed = ParseHeaderValue(content_type);
  if (!parsed.ok() || parsed->value != "multipart/form-data") {
    return Malformed("Content-Type must be multipart/form-data");
  }
  auto it = parsed->params.find("boundary");
  if (it == parsed->params.end() || it->second.empty() || it->second.size() > 70) {
    return Malformed("multipart boundary is missing or longer than 70 characters");
  }
  return it->second;
}

}  // namespace

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body) {
  HD_ASSIGN_OR_RETURN(std::string boundary, BoundaryOf(content_type));
  const std::string delimiter = "--" + boundary;
  const std::string separator = "\r\n" + delimiter;
  // The first delimiter opens the body or follows a preamble line.
  std::size_t pos = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    pos = body.find(separator);
    if (pos == std::string_view::npos) return Malformed("multipart body has no boundary");
    pos += 2;
  }
  std::vector<MultipartPart> parts;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // close delimiter; epilogue ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != kCrlf) return Malformed("boundary line is not followed by CRLF");
    pos += 2;
    if (parts.size() == kMaxMultipartParts) return Malformed("too many multipart parts");
    if (body.substr(pos, 2) == kCrlf) return Malformed("a part has no headers");
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > kMaxPartHeaderBytes) {
      return Malformed("part headers are not terminated");
    }
    MultipartPart part;
    HD_RETURN_IF_ERROR(ParsePartHeaders(body.substr(pos, headers_end - pos), part));
    std::size_t content_start = headers_end + 4;
    std::size_t content_end = body.find(separator, content_start);
    if (content_end == std::string_view::npos) return Malformed("multipart body is truncated");
    part.body = std::string(body.substr(content_start, content_end - content_start));
    parts.push_back(std::move(part));
    pos = content_end + 2;
  }
}

}  // namespace hd::http
