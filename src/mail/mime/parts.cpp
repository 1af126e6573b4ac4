// ReadTree (mime_tree.hpp): which part is the body, which are attachments.
// multipart/alternative prefers the plain part and keeps the HTML; in
// multipart/mixed the first inline text part is the body; the root of
// multipart/related is a body candidate, its other parts attachments.
#include <gmime/gmime.h>

#include <memory>

#include "mail/mime/gobject_ptr.hpp"
#include "mail/mime/mime_tree.hpp"

namespace hd::mail {
namespace {

// Deeper parts are not read: a guard against hostile nesting.
constexpr int kMaxDepth = 40;

std::string Lower(const char* s) {
  std::string out = s != nullptr ? s : "";
  for (char& c : out) c = g_ascii_tolower(c);
  return out;
}

std::string TypeParameter(GMimeObject* object, const char* name) {
  const char* value = g_mime_object_get_content_type_parameter(object, name);
  return value != nullptr ? value : "";
}

void NoteCharset(GMimeObject* object, TreeReading& reading) {
  if (!reading.hint_charset.empty()) return;
  reading.hint_charset = TypeParameter(object, "charset");
}

bool IsAttachedDisposition(GMimeObject* object) {
  const char* d = g_mime_object_get_disposition(object);
  return d != nullptr && g_ascii_strcasecmp(d, "attachment") == 0;
}

// Offers a text part as the body; false when the body is already chosen or
// the slot of its kind is taken.
bool OfferBody(GMimePart* part, const std::string& type, const PartPlace& place,
               TreeReading& reading) {
  GMimeObject* object = GMIME_OBJECT(part);
  if (reading.body_closed || place.forced_attachment || IsAttachedDisposition(object)) return false;
  std::optional<std::string>& slot = type == "text/plain" ? reading.plain : reading.html;
  if (slot) return false;
  slot = TextBody(PartBytes(part, reading.problems), TypeParameter(object, "charset"),
                  reading.problems);
  if (reading.alternative_depth == 0) reading.body_closed = true;
  return true;
}

void ReadReportPart(GMimePart* part, const std::string& type, TreeReading& reading) {
  if (type != "message/delivery-status" && type != "text/rfc822-headers") return;
  std::vector<std::string> ignored;
  const std::string text = TextBody(PartBytes(part, ignored), "", ignored);
  if (type == "message/delivery-status") {
    reading.delivery_status.append(text).append("\n\n");
  } else if (reading.returned_message_id.empty()) {
    const HeaderBlock returned = ParseHeaderLines(text);
    if (auto id = returned.Find("Message-ID")) {
      const auto ids = ParseMessageIds(*id);
      if (!ids.empty()) reading.returned_message_id = ids[0];
    }
  }
}

void ReadLeaf(GMimePart* part, const PartPlace& place, TreeReading& reading) {
  const std::string type = MimeTypeOf(GMIME_OBJECT(part));
  if (type.rfind("text/", 0) == 0) NoteCharset(GMIME_OBJECT(part), reading);
  if ((type == "text/plain" || type == "text/html") && OfferBody(part, type, place, reading)) {
    return;
  }
  ReadReportPart(part, type, reading);
  reading.attachments.push_back(LeafAttachment(part, place, reading));
}

// What a broken multipart holds, kept as text: the body when none is
// chosen yet, else a text attachment (nothing is dropped).
void KeepAsText(const std::string& bytes, const std::string& charset, const PartPlace& place,
                TreeReading& reading) {
  if (bytes.empty()) return;
  if (!reading.body_closed && !reading.plain && !place.forced_attachment) {
    std::vector<std::string> ignored;
    reading.plain = TextBody(bytes, charset, ignored);
    reading.body_closed = reading.alternative_depth == 0;
    return;
  }
  core::MailAttachment text;
  text.content_type = "text/plain";
  text.filename = MadeUpFileName(reading.attachments.size() + 1, text.content_type);
  text.bytes = bytes;
  reading.attachments.push_back(std::move(text));
}

// A multipart whose boundary is missing or wrong holds everything in its
// prologue. When a line there looks like a boundary ("--something"), the
// prologue is read again with it; otherwise it is kept as text.
void Recover(GMimeMultipart* multipart, const PartPlace& place, TreeReading& reading) {
  const char* prologue_c = g_mime_multipart_get_prologue(multipart);
  const std::string prologue = prologue_c != nullptr ? prologue_c : "";
  reading.problems.push_back("multipart without a usable boundary");
  std::size_t line = prologue.rfind("--", 0) == 0 ? 0 : prologue.find("\n--");
  if (line != std::string::npos) {
    line += prologue[line] == '\n' ? 3 : 2;
    const std::size_t eol = std::min(prologue.find_first_of("\r\n", line), prologue.size());
    std::string boundary = prologue.substr(line, eol - line);
    while (!boundary.empty() && (boundary.back() == ' ' || boundary.back() == '\t')) {
      boundary.pop_back();
    }
    if (!boundary.empty() && boundary.size() < 200 &&
        boundary.find_first_of("\"\\") == std::string::npos) {
      const std::string subtype = Lower(g_mime_content_type_get_media_subtype(
          g_mime_object_get_content_type(GMIME_OBJECT(multipart))));
      const auto synthetic = std::make_shared<std::string>(
          "Content-Type: multipart/" + (subtype.empty() ? std::string("mixed") : subtype) +
          "; boundary=\"" + boundary + "\"\n\n" + prologue);
      GObjectPtr<GMimeStream> stream(
          g_mime_stream_mem_new_with_buffer(synthetic->data(), synthetic->size()));
      GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
      GObjectPtr<GMimeObject> part(g_mime_parser_construct_part(parser.get(), nullptr));
      if (part && GMIME_IS_MULTIPART(part.get()) &&
          g_mime_multipart_get_count(GMIME_MULTIPART(part.get())) > 0) {
        PartPlace inner = place;
        inner.source = *synthetic;
        inner.depth = place.depth + 1;
        ReadTree(part.get(), inner, reading);
        return;
      }
    }
  }
  KeepAsText(prologue, TypeParameter(GMIME_OBJECT(multipart), "charset"), place, reading);
}

// The index of the root of multipart/related: the part named by `start`,
// else the first.
int RelatedRoot(GMimeMultipart* multipart) {
  const std::string start = TypeParameter(GMIME_OBJECT(multipart), "start");
  const int count = g_mime_multipart_get_count(multipart);
  for (int i = 0; start.size() > 2 && start.size() < 1000 && i < count; ++i) {
    const char* id = g_mime_object_get_content_id(g_mime_multipart_get_part(multipart, i));
    if (id != nullptr && start.find(id) != std::string::npos) return i;
  }
  return 0;
}

void ReadMultipart(GMimeMultipart* multipart, const PartPlace& place, TreeReading& reading) {
  GMimeObject* object = GMIME_OBJECT(multipart);
  const std::string subtype =
      Lower(g_mime_content_type_get_media_subtype(g_mime_object_get_content_type(object)));
  const int count = g_mime_multipart_get_count(multipart);
  if (count == 0) return Recover(multipart, place, reading);
  if (subtype == "report")
    reading.report_type = Lower(TypeParameter(object, "report-type").c_str());
  const bool alternative = subtype == "alternative";
  const int root = subtype == "related" ? RelatedRoot(multipart) : 0;
  const bool first_only = subtype == "related" || subtype == "report" || subtype == "signed";
  if (alternative) ++reading.alternative_depth;
  for (int i = 0; i < count; ++i) {
    PartPlace child = place;
    const char* boundary = g_mime_multipart_get_boundary(multipart);
    child.boundary = boundary != nullptr ? boundary : "";
    child.depth = place.depth + 1;
    child.in_related = subtype == "related";
    child.forced_attachment =
        place.forced_attachment || subtype == "encrypted" || (first_only && i != root);
    ReadTree(g_mime_multipart_get_part(multipart, i), child, reading);
  }
  if (alternative && --reading.alternative_depth == 0 && (reading.plain || reading.html)) {
    reading.body_closed = true;
  }
}

}  // namespace

void ReadTree(GMimeObject* object, const PartPlace& place, TreeReading& reading) {
  if (object == nullptr) return;
  if (place.depth > kMaxDepth) {
    reading.problems.push_back("parts nested too deeply were not read");
    return;
  }
  if (GMIME_IS_MULTIPART(object)) {
    ReadMultipart(GMIME_MULTIPART(object), place, reading);
  } else if (GMIME_IS_MESSAGE_PART(object)) {
    reading.attachments.push_back(MessageAttachment(GMIME_MESSAGE_PART(object), place, reading));
  } else if (GMIME_IS_PART(object)) {
    ReadLeaf(GMIME_PART(object), place, reading);
  }
}

}  // namespace hd::mail
