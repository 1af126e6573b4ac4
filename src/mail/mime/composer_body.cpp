#include "mail/mime/composer_body.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "mail/mime/composer_headers.hpp"

namespace hd::mail::compose {

namespace {

using core::MailAttachment;

// Old clients read the file name from Content-Type's name= (RFC 2047); its
// value is never folded, so it is kept short enough for a 998-octet line.
constexpr std::size_t kMaxPlainNameBytes = 255;

GMimeObject* AsObject(void* object) { return GMIME_OBJECT(object); }

// Text with every line end made CRLF (the canonical form of text/*, which
// base64 carries as it is and quoted-printable writes as line breaks).
std::string CanonicalLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      out += "\r\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::size_t EncodedSize(std::string_view bytes, GMimeContentEncoding encoding) {
  GMimeEncoding state;
  g_mime_encoding_init_encode(&state, encoding);
  std::vector<char> out(g_mime_encoding_outlen(&state, bytes.size()) + 16);
  return g_mime_encoding_flush(&state, bytes.data(), bytes.size(), out.data());
}

GMimeContentEncoding ShorterTextEncoding(std::string_view text) {
  const std::size_t qp = EncodedSize(text, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  const std::size_t b64 = EncodedSize(text, GMIME_CONTENT_ENCODING_BASE64);
  return b64 < qp ? GMIME_CONTENT_ENCODING_BASE64 : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
}

// Puts `bytes` (unencoded) into `part`, to be written in `encoding`.
void SetContent(GMimePart* part, std::string_view bytes, GMimeContentEncoding encoding) {
  // GMime refuses a null buffer, which an empty view may have.
  GObjectPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(bytes.empty() ? "" : bytes.data(), bytes.size()));
  GObjectPtr<GMimeDataWrapper> wrapper(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, wrapper.get());
  g_mime_part_set_content_encoding(part, encoding);
}

GObjectPtr<GMimeObject> MakeTextPart(const char* subtype, std::string_view text) {
  GObjectPtr<GMimePart> part(g_mime_part_new_with_type("text", subtype));
  g_mime_object_set_content_type_parameter(AsObject(part.get()), "charset", "utf-8");
  const std::string canonical = CanonicalLineEnds(text);
  SetContent(part.get(), canonical, ShorterTextEncoding(canonical));
  return GObjectPtr<GMimeObject>(AsObject(part.release()));
}

bool IsTokenChar(char c) {
  static constexpr std::string_view kSpecials = "()<>@,;:\\\"/[]?=";
  return c > ' ' && c < 127 && kSpecials.find(c) == std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "image/png" as type and subtype; application/octet-stream for anything
// that is not a valid type/subtype pair.
std::pair<std::string, std::string> SplitContentType(std::string_view content_type) {
  const std::size_t slash = content_type.find('/');
  if (slash != std::string_view::npos) {
    const std::string_view type = content_type.substr(0, slash);
    const std::string_view subtype = content_type.substr(slash + 1);
    if (IsToken(type) && IsToken(subtype)) return {AsciiLower(type), AsciiLower(subtype)};
  }
  return {"application", "octet-stream"};
}

// The longest prefix of `s` of at most `limit` bytes that ends on a UTF-8
// character boundary.
std::string_view Utf8Prefix(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// The name for Content-Type's name=: the file name, shortened (keeping its
// extension) when it is too long to stay on one line.
std::string PlainName(std::string_view filename) {
  if (filename.size() <= kMaxPlainNameBytes) return std::string(filename);
  std::string_view extension;
  const std::size_t dot = filename.rfind('.');
  if (dot != std::string_view::npos && filename.size() - dot <= 16) {
    extension = filename.substr(dot);
  }
  std::string out(Utf8Prefix(filename, kMaxPlainNameBytes - extension.size()));
  out += extension;
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// filename= in Content-Disposition (RFC 2231 when not ASCII) and name= in
// Content-Type (RFC 2047 when not ASCII, for clients that know no RFC 2231;
// our own encoded words, see composer_headers.hpp).
void SetFileName(GMimeObject* part, const std::string& filename) {
  g_mime_object_set_content_disposition_parameter(part, "filename", filename.c_str());
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(part);
  GMimeParam* param = g_mime_param_list_get_parameter(
      g_mime_content_disposition_get_parameters(disposition), "filename");
  g_mime_param_set_charset(param, "utf-8");
  g_mime_param_set_encoding_method(param, GMIME_PARAM_ENCODING_METHOD_RFC2231);
  std::string name = PlainName(filename);
  if (!IsAscii(name)) {
    std::string encoded;
    for (const std::string& word : EncodeWords(name))
      encoded += (encoded.empty() ? "" : " ") + word;
    name = std::move(encoded);
  }
  g_mime_object_set_content_type_parameter(part, "name", name.c_str());
  // Without this GMime writes a long value as RFC 2231 continuations.
  GMimeContentType* type = g_mime_object_get_content_type(part);
  param = g_mime_param_list_get_parameter(g_mime_content_type_get_parameters(type), "name");
  g_mime_param_set_encoding_method(param, GMIME_PARAM_ENCODING_METHOD_RFC2047);
}

std::string WithoutControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out;
}

GObjectPtr<GMimeObject> MakeAttachmentPart(const MailAttachment& attachment, bool is_inline) {
  const auto [type, subtype] = SplitContentType(attachment.content_type);
  GObjectPtr<GMimePart> part(g_mime_part_new_with_type(type.c_str(), subtype.c_str()));
  GMimeObject* object = AsObject(part.get());
  g_mime_object_set_disposition(
      object, is_inline ? GMIME_DISPOSITION_INLINE : GMIME_DISPOSITION_ATTACHMENT);
  const std::string filename = WithoutControls(attachment.filename);
  if (!filename.empty()) SetFileName(object, filename);
  if (!attachment.content_id.empty()) {
    g_mime_object_set_content_id(object, WithoutControls(attachment.content_id).c_str());
  }
  SetContent(part.get(), attachment.bytes, GMIME_CONTENT_ENCODING_BASE64);
  return GObjectPtr<GMimeObject>(AsObject(part.release()));
}

// An inline image the HTML shows: it travels in multipart/related.
bool IsRelated(const MailAttachment& attachment, std::string_view html) {
  if (attachment.content_id.empty() || html.empty()) return false;
  return html.find("cid:" + attachment.content_id) != std::string_view::npos;
}

GObjectPtr<GMimeObject> MakeMultipart(const char* subtype,
                                      std::vector<GObjectPtr<GMimeObject>> parts) {
  GObjectPtr<GMimeMultipart> multipart(g_mime_multipart_new_with_subtype(subtype));
  for (const auto& part : parts) g_mime_multipart_add(multipart.get(), part.get());
  return GObjectPtr<GMimeObject>(AsObject(multipart.release()));
}

// text/html, with the inline images it references in multipart/related.
GObjectPtr<GMimeObject> MakeHtmlPart(const core::OutboundMail& mail) {
  std::vector<GObjectPtr<GMimeObject>> parts;
  parts.push_back(MakeTextPart("html", mail.html));
  for (const MailAttachment& attachment : mail.attachments) {
    if (IsRelated(attachment, mail.html)) parts.push_back(MakeAttachmentPart(attachment, true));
  }
  if (parts.size() == 1) return std::move(parts.front());
  GObjectPtr<GMimeObject> related = MakeMultipart("related", std::move(parts));
  g_mime_object_set_content_type_parameter(related.get(), "type", "text/html");
  return related;
}

}  // namespace

GObjectPtr<GMimeObject> BuildBody(const core::OutboundMail& mail) {
  GObjectPtr<GMimeObject> body = MakeTextPart("plain", mail.text);
  if (!mail.html.empty()) {
    std::vector<GObjectPtr<GMimeObject>> alternatives;
    alternatives.push_back(std::move(body));
    alternatives.push_back(MakeHtmlPart(mail));
    body = MakeMultipart("alternative", std::move(alternatives));
  }
  std::vector<GObjectPtr<GMimeObject>> mixed;
  for (const MailAttachment& attachment : mail.attachments) {
    if (!IsRelated(attachment, mail.html)) {
      if (mixed.empty()) mixed.push_back(std::move(body));
      mixed.push_back(MakeAttachmentPart(attachment, attachment.inline_image));
    }
  }
  return mixed.empty() ? std::move(body) : MakeMultipart("mixed", std::move(mixed));
}

}  // namespace hd::mail::compose
