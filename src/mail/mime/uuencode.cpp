#include "mail/mime/uuencode.hpp"

#include <optional>
#include <string_view>

namespace hd::mail {
namespace {

struct Line {
  std::string_view text;  // without the line end
  std::size_t begin = 0;
  std::size_t end = 0;  // past the line end
};

std::optional<Line> LineAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const std::size_t eol = text.find('\n', pos);
  const std::size_t stop = eol == std::string_view::npos ? text.size() : eol;
  std::string_view line = text.substr(pos, stop - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return Line{line, pos, eol == std::string_view::npos ? text.size() : eol + 1};
}

// "begin 644 report.pdf" -> "report.pdf".
std::optional<std::string> BeginName(std::string_view line) {
  if (line.substr(0, 6) != "begin ") return std::nullopt;
  line.remove_prefix(6);
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '7') ++digits;
  if (digits < 3 || digits > 4 || digits >= line.size() || line[digits] != ' ') {
    return std::nullopt;
  }
  std::string_view name = line.substr(digits + 1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  if (name.empty()) return std::nullopt;
  return std::string(name);
}

// One encoded line: its length character, then groups of four.
bool DecodeLine(std::string_view line, std::string& out) {
  if (line.empty()) return true;
  const std::size_t count = static_cast<std::size_t>((line[0] - 0x20) & 0x3F);
  std::size_t produced = 0;
  for (std::size_t i = 1; produced < count; i += 4) {
    unsigned char q[4] = {0, 0, 0, 0};
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = i + k < line.size() ? line[i + k] : '`';
      if (c < 0x20 || c > 0x60) return false;
      q[k] = static_cast<unsigned char>((c - 0x20) & 0x3F);
    }
    const unsigned char bytes[3] = {static_cast<unsigned char>(q[0] << 2 | q[1] >> 4),
                                    static_cast<unsigned char>(q[1] << 4 | q[2] >> 2),
                                    static_cast<unsigned char>(q[2] << 6 | q[3])};
    for (unsigned char b : bytes) {
      if (produced++ < count) out += static_cast<char>(b);
    }
  }
  return true;
}

// Reads a block from the line after `begin`; the end of its "end" line, or
// nullopt when the block is not complete and valid.
std::optional<std::size_t> ReadBlock(std::string_view text, std::size_t pos, std::string& bytes) {
  while (auto line = LineAt(text, pos)) {
    if (line->text == "end") return line->end;
    if (!DecodeLine(line->text, bytes)) return std::nullopt;
    pos = line->end;
  }
  return std::nullopt;
}

}  // namespace

std::string ContentTypeForName(std::string_view filename) {
  const std::size_t dot = filename.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : std::string(filename.substr(dot + 1));
  for (char& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  struct Type {
    std::string_view ext;
    std::string_view type;
  };
  static constexpr Type kTypes[] = {{"txt", "text/plain"},      {"pdf", "application/pdf"},
                                    {"png", "image/png"},       {"jpg", "image/jpeg"},
                                    {"jpeg", "image/jpeg"},     {"gif", "image/gif"},
                                    {"zip", "application/zip"}, {"csv", "text/csv"}};
  for (const Type& t : kTypes) {
    if (ext == t.ext) return std::string(t.type);
  }
  return "application/octet-stream";
}

std::vector<core::MailAttachment> ExtractUuencoded(std::string& text) {
  std::vector<core::MailAttachment> files;
  if (text.find("begin ") == std::string::npos) return files;
  std::string kept;
  std::size_t copied = 0;
  std::size_t pos = 0;
  while (auto line = LineAt(text, pos)) {
    pos = line->end;
    const auto name = BeginName(line->text);
    if (!name) continue;
    core::MailAttachment file;
    const auto end = ReadBlock(text, line->end, file.bytes);
    if (!end) continue;
    kept.append(text, copied, line->begin - copied);
    copied = *end;
    pos = *end;
    file.filename = *name;
    file.content_type = ContentTypeForName(*name);
    files.push_back(std::move(file));
  }
  if (files.empty()) return files;
  kept.append(text, copied, std::string::npos);
  text = std::move(kept);
  return files;
}

}  // namespace hd::mail
