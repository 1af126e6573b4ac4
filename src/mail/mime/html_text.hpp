// HtmlToText: an HTML body read as the text a person sees in a mail client,
// with gumbo (an HTML5 parser, never regular expressions). Internal to
// mail/mime; pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hd::mail {

// `html` is UTF-8. Paragraphs, headings, <div>, <br>, list items and table
// rows end lines; list items start with "- " or "1. "; table cells are
// separated by " | "; blockquote lines start with "> "; a link reads
// "text (url)" when its text is not its URL; entities are decoded; script,
// style, head, comments and hidden elements are dropped. Documents larger
// than kMaxHtmlBytes, or with more than kMaxHtmlTags tags, are read up to
// that point: an HTML5 parser's work grows with the square of the nesting
// depth, and a hostile message must not make it spin.
std::string HtmlToText(std::string_view html);

inline constexpr std::size_t kMaxHtmlBytes = std::size_t{2} << 20;
inline constexpr std::size_t kMaxHtmlTags = 10000;

}  // namespace hd::mail
