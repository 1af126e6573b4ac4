// The attachments of a message: leaf parts that are not the body, and
// attached messages (mime_tree.hpp).
#include <gmime/gmime.h>

#include <algorithm>
#include <cstring>

#include "mail/mime/charset.hpp"
#include "mail/mime/gobject_ptr.hpp"
#include "mail/mime/headers.hpp"
#include "mail/mime/mime_tree.hpp"
#include "mail/mime/transfer_encoding.hpp"

namespace hd::mail {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = g_ascii_tolower(c);
  return s;
}

std::string StreamBytes(GMimeStream* stream) {
  std::string out;
  g_mime_stream_reset(stream);
  const gint64 length = g_mime_stream_length(stream);
  if (length > 0) out.reserve(static_cast<std::size_t>(length));
  char buffer[8192];
  while (true) {
    const ssize_t n = g_mime_stream_read(stream, buffer, sizeof buffer);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

// The bytes of a part's content: a view into the parsed buffer when the
// stream is a piece of it (as the parser makes them), else a copy kept in
// `copy`.
std::string_view ContentBytes(GMimeStream* stream, std::string& copy) {
  if (stream == nullptr) return {};
  if (GMIME_IS_STREAM_MEM(stream)) {
    const GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (array != nullptr) {
      const gint64 size = array->len;
      const gint64 start = stream->bound_start;
      const gint64 end = stream->bound_end < 0 ? size : std::min(stream->bound_end, size);
      if (start >= 0 && start <= end) {
        return {reinterpret_cast<const char*>(array->data) + start,
                static_cast<std::size_t>(end - start)};
      }
    }
  }
  copy = StreamBytes(stream);
  return copy;
}

// A file name as people read it: RFC 2047 words that GMime left encoded are
// decoded, raw 8-bit bytes guessed into UTF-8, path parts dropped.
std::string CleanFileName(const char* name, std::string_view hint_charset) {
  if (name == nullptr) return {};
  std::string text = DecodeText(name, hint_charset);
  const std::size_t slash = text.find_last_of("/\\");
  if (slash != std::string::npos && slash + 1 < text.size()) text.erase(0, slash + 1);
  return text;
}

std::string ContentId(GMimeObject* object) {
  const char* id = g_mime_object_get_content_id(object);
  if (id == nullptr) return {};
  std::string out(id);
  out.erase(std::remove(out.begin(), out.end(), '<'), out.end());
  out.erase(std::remove(out.begin(), out.end(), '>'), out.end());
  return out;
}

// The bytes of an attached message as they stand in the part: from its
// first header to the line break before the next boundary of the multipart
// around it (or the end of the message).
std::optional<std::string_view> StandingBytes(GMimeMessage* message, const PartPlace& place) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
  if (headers == nullptr || g_mime_header_list_get_count(headers) == 0) return std::nullopt;
  const gint64 begin = g_mime_header_get_offset(g_mime_header_list_get_header_at(headers, 0));
  const std::string_view src = place.source;
  if (begin < 0 || static_cast<std::size_t>(begin) > src.size()) return std::nullopt;
  const auto start = static_cast<std::size_t>(begin);
  std::size_t end = src.size();
  if (!place.boundary.empty()) {
    const std::size_t next = src.find(std::string("\n--").append(place.boundary), start);
    if (next != std::string_view::npos) {
      end = next > start && src[next - 1] == '\r' ? next - 1 : next;
    }
  }
  return src.substr(start, end - start);
}

}  // namespace

std::string MimeTypeOf(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "text/plain";
  GCharPtr mime(g_mime_content_type_get_mime_type(type));
  return mime ? Lower(mime.get()) : "text/plain";
}

HeaderBlock HeadersOf(GMimeObject* object) {
  std::vector<RawHeader> out;
  GMimeHeaderList* list = g_mime_object_get_header_list(object);
  const int count = list != nullptr ? g_mime_header_list_get_count(list) : 0;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
    const char* name = g_mime_header_get_name(h);
    const char* value = g_mime_header_get_raw_value(h);
    out.push_back({name != nullptr ? name : "", value != nullptr ? value : ""});
  }
  return HeaderBlock(std::move(out));
}

std::string MadeUpFileName(std::size_t index, std::string_view content_type) {
  struct Ext {
    std::string_view type;
    std::string_view ext;
  };
  static constexpr Ext kExtensions[] = {
      {"text/plain", "txt"},
      {"text/html", "html"},
      {"text/calendar", "ics"},
      {"text/csv", "csv"},
      {"image/png", "png"},
      {"image/jpeg", "jpg"},
      {"image/gif", "gif"},
      {"application/pdf", "pdf"},
      {"application/zip", "zip"},
      {"message/rfc822", "eml"},
      {"message/delivery-status", "txt"},
      {"message/disposition-notification", "txt"},
      {"text/rfc822-headers", "txt"},
  };
  std::string_view ext = "bin";
  for (const Ext& e : kExtensions) {
    if (content_type == e.type) ext = e.ext;
  }
  return "attachment-" + std::to_string(index) + "." + std::string(ext);
}

std::string PartBytes(GMimePart* part, std::vector<std::string>& problems) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
  std::string copy;
  const std::string_view bytes = ContentBytes(g_mime_data_wrapper_get_stream(content), copy);
  switch (encoding) {
    case GMIME_CONTENT_ENCODING_BASE64: {
      bool clean = true;
      std::string decoded = DecodeBase64(bytes, clean);
      if (!clean) {
        problems.push_back("invalid base64 in a " + MimeTypeOf(GMIME_OBJECT(part)) +
                           " part: decoded what could be decoded");
      }
      return decoded;
    }
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
      return DecodeQuotedPrintable(bytes);
    case GMIME_CONTENT_ENCODING_UUENCODE:
      break;
    default:
      return std::string(bytes);
  }
  GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* decoded = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(decoded->data), decoded->len);
}

std::string TextBody(std::string bytes, std::string_view charset,
                     std::vector<std::string>& problems) {
  ToUtf8InPlace(bytes, charset, &problems);
  std::size_t from = bytes.find('\r');
  if (from == std::string::npos) return bytes;
  std::size_t to = from;  // line ends made "\n" in place, a run at a time
  while (from < bytes.size()) {
    bytes[to++] = '\n';
    from += from + 1 < bytes.size() && bytes[from + 1] == '\n' ? 2 : 1;
    std::size_t next = bytes.find('\r', from);
    if (next == std::string::npos) next = bytes.size();
    std::memmove(bytes.data() + to, bytes.data() + from, next - from);
    to += next - from;
    from = next;
  }
  bytes.resize(to);
  return bytes;
}

core::MailAttachment LeafAttachment(GMimePart* part, const PartPlace& place, TreeReading& reading) {
  GMimeObject* object = GMIME_OBJECT(part);
  core::MailAttachment a;
  a.content_type = MimeTypeOf(object);
  a.filename = CleanFileName(g_mime_part_get_filename(part), reading.hint_charset);
  a.content_id = ContentId(object);
  const char* disposition = g_mime_object_get_disposition(object);
  const bool attached =
      disposition != nullptr && g_ascii_strcasecmp(disposition, "attachment") == 0;
  a.inline_image = a.content_type.rfind("image/", 0) == 0 && !a.content_id.empty() &&
                   (place.in_related || !attached);
  a.bytes = PartBytes(part, reading.problems);
  if (a.filename.empty())
    a.filename = MadeUpFileName(reading.attachments.size() + 1, a.content_type);
  return a;
}

core::MailAttachment MessageAttachment(GMimeMessagePart* part, const PartPlace& place,
                                       TreeReading& reading) {
  core::MailAttachment a;
  a.content_type = MimeTypeOf(GMIME_OBJECT(part));
  GMimeMessage* message = g_mime_message_part_get_message(part);
  if (message != nullptr) {
    const HeaderBlock headers = HeadersOf(GMIME_OBJECT(message));
    if (auto subject = headers.Find("Subject")) {
      a.embedded_subject = DecodeText(*subject, reading.hint_charset);
    }
    if (auto standing = StandingBytes(message, place)) {
      a.bytes = std::string(*standing);
    } else {
      GCharPtr text(g_mime_object_to_string(GMIME_OBJECT(message), nullptr));
      a.bytes = text ? text.get() : "";
    }
    if (auto id = headers.Find("Message-ID")) {
      const auto ids = ParseMessageIds(*id);
      if (!ids.empty() && reading.returned_message_id.empty()) reading.returned_message_id = ids[0];
    }
  }
  a.filename = a.embedded_subject.empty()
                   ? MadeUpFileName(reading.attachments.size() + 1, "message/rfc822")
                   : a.embedded_subject + ".eml";
  return a;
}

}  // namespace hd::mail
