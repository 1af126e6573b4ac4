#include "mail/mime/text_layout.hpp"

#include <algorithm>

namespace hd::mail {
namespace {

// Bytes of the blank at text[i], or 0: ASCII white space and U+00A0.
std::size_t BlankAt(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  return 0;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

void TextLayout::NewLine() {
  out_ += '\n';
  at_line_start_ = true;
}

void TextLayout::BeginVisible() {
  if (pending_breaks_ > 0) {
    NewLine();
    if (pending_breaks_ > 1) {
      const std::size_t shared = std::min(blank_prefixes_, prefixes_.size());
      for (std::size_t i = 0; i < shared; ++i) out_ += prefixes_[i];
      NewLine();
    }
    pending_breaks_ = 0;
  }
  if (at_line_start_) {
    for (const std::string& p : prefixes_) out_ += p;
    out_ += marker_;
    marker_.clear();
    at_line_start_ = false;
  } else if (cell_separator_) {
    out_ += " | ";
  } else if (pending_space_) {
    out_ += ' ';
  }
  pending_space_ = false;
  cell_separator_ = false;
}

void TextLayout::Text(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (const std::size_t blank = BlankAt(utf8, i); blank > 0) {
      if (!at_line_start_ || pending_breaks_ > 0) pending_space_ = true;
      i += blank;
      continue;
    }
    std::size_t j = i + 1;
    while (j < utf8.size() && BlankAt(utf8, j) == 0) ++j;
    BeginVisible();
    out_.append(utf8.substr(i, j - i));
    i = j;
  }
}

void TextLayout::Preformatted(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t eol = std::min(utf8.find('\n', i), utf8.size());
    std::string_view line = utf8.substr(i, eol - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      BeginVisible();
      out_.append(line);
    }
    if (eol < utf8.size()) {
      if (at_line_start_ && pending_breaks_ == 0 && !out_.empty()) {
        for (const std::string& p : prefixes_) out_ += p;  // an empty line of its own
      }
      pending_breaks_ = 0;
      NewLine();
    }
    i = eol + 1;
  }
}

void TextLayout::RequestBreaks(int lines) {
  if (pending_breaks_ == 0) blank_prefixes_ = prefixes_.size();
  pending_breaks_ = std::min(lines, 2);
  pending_space_ = false;
  cell_separator_ = false;
}

void TextLayout::Break(int lines) {
  if (out_.empty()) return;
  RequestBreaks(std::max(pending_breaks_, at_line_start_ ? lines - 1 : lines));
}

void TextLayout::LineBreak() {
  if (!out_.empty()) RequestBreaks(pending_breaks_ + 1);
}

void TextLayout::PushPrefix(std::string prefix) { prefixes_.push_back(std::move(prefix)); }

void TextLayout::PopPrefix() {
  if (!prefixes_.empty()) prefixes_.pop_back();
  blank_prefixes_ = std::min(blank_prefixes_, prefixes_.size());
}

void TextLayout::SetMarker(std::string marker) { marker_ = std::move(marker); }

void TextLayout::ClearMarker() { marker_.clear(); }

void TextLayout::CellSeparator() {
  if (!at_line_start_ && pending_breaks_ == 0) cell_separator_ = true;
}

std::string_view TextLayout::Since(std::size_t mark) const {
  return std::string_view(out_).substr(std::min(mark, out_.size()));
}

std::string TextLayout::Finish() const {
  std::string result;
  result.reserve(out_.size());
  std::string_view blank_line;  // the first of a run of blank lines ("" or ">")
  bool in_blank_run = false;
  std::size_t i = 0;
  while (i <= out_.size()) {
    const std::size_t eol = std::min(out_.find('\n', i), out_.size());
    const std::string_view line = TrimRight(std::string_view(out_).substr(i, eol - i));
    if (line.find_first_not_of(" >") == std::string_view::npos) {
      if (!in_blank_run) blank_line = line;
      in_blank_run = true;
    } else {
      if (!result.empty()) {
        result += '\n';
        if (in_blank_run) result.append(blank_line).append("\n");
      }
      result.append(line);
      in_blank_run = false;
    }
    i = eol + 1;
  }
  return result;
}

}  // namespace hd::mail
