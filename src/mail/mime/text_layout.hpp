// TextLayout: plain text built from a document's pieces (what the HTML
// reader finds): collapses blanks as a browser does, ends lines and
// paragraphs, puts "> " before quoted lines and "- " / "1. " before list
// items. Internal to mail/mime; one object per conversion.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hd::mail {

class TextLayout {
 public:
  // Running text: blanks (also U+00A0) collapse to one space; none at the
  // start of a line.
  void Text(std::string_view utf8);
  // Text whose blanks and line breaks stay as written (<pre>).
  void Preformatted(std::string_view utf8);
  // Ends the line (1) or the paragraph, leaving a blank line (2), before the
  // next text; nothing at the very start.
  void Break(int lines);
  // Ends the line even when it is empty (<br>): two in a row leave a blank
  // line.
  void LineBreak();
  // A prefix for every line begun until the matching PopPrefix ("> ", "  ").
  void PushPrefix(std::string prefix);
  void PopPrefix();
  // Written after the prefix of the next line begun ("- ", "3. ").
  void SetMarker(std::string marker);
  void ClearMarker();
  // Separates a table cell from the previous one on the same line.
  void CellSeparator();
  // The text written so far; Since(mark) is what was written after mark.
  std::size_t size() const { return out_.size(); }
  std::string_view Since(std::size_t mark) const;
  // The text with blanks trimmed at line ends, at most one blank line in a
  // row, no blank lines at the start or end.
  std::string Finish() const;

 private:
  void BeginVisible();
  void NewLine();
  void RequestBreaks(int lines);

  std::string out_;
  std::vector<std::string> prefixes_;
  std::string marker_;
  int pending_breaks_ = 0;
  // Prefixes a blank line between two blocks gets: those both blocks share.
  std::size_t blank_prefixes_ = 0;
  bool at_line_start_ = true;
  bool pending_space_ = false;
  bool cell_separator_ = false;
};

}  // namespace hd::mail
