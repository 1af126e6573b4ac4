#include "mail/mime/html_text.hpp"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "mail/mime/text_layout.hpp"

namespace hd::mail {
namespace {

// Elements deeper than this are not read: a guard against hostile nesting.
constexpr std::size_t kMaxDepth = 400;

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    if (output != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

std::string LowerNoBlanks(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string_view Attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view{};
}

bool IsSkipped(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
      return true;
    default:
      break;
  }
  if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
  const std::string style = LowerNoBlanks(Attribute(e, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("mso-hide:all") != std::string::npos;
}

constexpr GumboTag kParagraphTags[] = {
    GUMBO_TAG_P,  GUMBO_TAG_H1, GUMBO_TAG_H2,         GUMBO_TAG_H3,  GUMBO_TAG_H4,
    GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE, GUMBO_TAG_DL};

constexpr GumboTag kLineTags[] = {
    GUMBO_TAG_DIV,      GUMBO_TAG_TABLE,   GUMBO_TAG_TR,         GUMBO_TAG_LI,
    GUMBO_TAG_UL,       GUMBO_TAG_OL,      GUMBO_TAG_DT,         GUMBO_TAG_DD,
    GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,      GUMBO_TAG_CENTER,
    GUMBO_TAG_FIGURE,   GUMBO_TAG_FOOTER,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HEADER,
    GUMBO_TAG_MAIN,     GUMBO_TAG_NAV,     GUMBO_TAG_SECTION,    GUMBO_TAG_FORM,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_CAPTION, GUMBO_TAG_DETAILS,    GUMBO_TAG_SUMMARY,
    GUMBO_TAG_HR,       GUMBO_TAG_BODY,    GUMBO_TAG_TBODY,      GUMBO_TAG_THEAD,
    GUMBO_TAG_TFOOT};

// 2: a paragraph (blank line around), 1: a line of its own, 0: inline.
int BlockKind(GumboTag tag) {
  const auto has = [tag](const auto& tags) {
    return std::find(std::begin(tags), std::end(tags), tag) != std::end(tags);
  };
  if (has(kParagraphTags)) return 2;
  return has(kLineTags) ? 1 : 0;
}

// "http://x/", "x" and "mailto:x" name the same thing for the reader.
std::string Comparable(std::string_view s) {
  std::string out = LowerNoBlanks(s);
  for (std::string_view scheme : {"mailto:", "http://", "https://"}) {
    if (out.rfind(scheme, 0) == 0) out.erase(0, scheme.size());
  }
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

bool IsShownLink(std::string_view href) {
  const std::string h = LowerNoBlanks(href);
  return !h.empty() && h[0] != '#' && h.rfind("javascript:", 0) != 0;
}

struct ListState {
  bool ordered = false;
  long next = 1;
};

// What an element did on the way in that its end must undo or finish.
struct Frame {
  const GumboNode* node = nullptr;
  unsigned next_child = 0;
  std::size_t link_mark = 0;
  bool link = false;
  bool prefix = false;
  bool list = false;
  int block = 0;
};

class HtmlReader {
 public:
  std::string Read(const GumboNode* root) {
    Push(root);
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.next_child < children.length) {
        Visit(static_cast<const GumboNode*>(children.data[f.next_child++]));
        continue;
      }
      Leave(f);
      stack_.pop_back();
    }
    return layout_.Finish();
  }

 private:
  void Visit(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (pre_depth_ > 0) {
          layout_.Preformatted(node->v.text.text);
        } else {
          layout_.Text(node->v.text.text);
        }
        return;
      case GUMBO_NODE_ELEMENT:
        if (stack_.size() < kMaxDepth && !IsSkipped(node->v.element)) Enter(node);
        return;
      default:
        return;  // comments
    }
  }

  void Push(const GumboNode* node) {
    Frame f;
    f.node = node;
    stack_.push_back(f);
  }

  void Enter(const GumboNode* node) {
    const GumboElement& e = node->v.element;
    Push(node);
    Frame& f = stack_.back();
    f.block = BlockKind(e.tag);
    if (f.block > 0) layout_.Break(f.block);
    switch (e.tag) {
      case GUMBO_TAG_BR:
        layout_.LineBreak();
        break;
      case GUMBO_TAG_HR:
        layout_.Text("---");
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        layout_.CellSeparator();
        break;
      case GUMBO_TAG_PRE:
        ++pre_depth_;
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        layout_.PushPrefix("> ");
        f.prefix = true;
        break;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
        EnterList(e, f);
        break;
      case GUMBO_TAG_LI:
        layout_.SetMarker(NextMarker());
        break;
      case GUMBO_TAG_A:
        EnterLink(f);
        break;
      case GUMBO_TAG_IMG:
        if (link_depth_ > 0) layout_.Text(Attribute(e, "alt"));
        break;
      default:
        break;
    }
  }

  void Leave(const Frame& f) {
    const GumboTag tag = f.node->v.element.tag;
    if (tag == GUMBO_TAG_PRE) --pre_depth_;
    if (tag == GUMBO_TAG_LI) layout_.ClearMarker();
    if (f.link) LeaveLink(f);
    if (f.prefix) layout_.PopPrefix();
    if (f.list) {
      lists_.pop_back();
      if (!lists_.empty()) layout_.PopPrefix();
    }
    if (f.block > 0) layout_.Break(f.block);
  }

  void EnterList(const GumboElement& e, Frame& f) {
    if (!lists_.empty()) layout_.PushPrefix("  ");
    ListState list;
    list.ordered = e.tag == GUMBO_TAG_OL;
    const std::string_view start = Attribute(e, "start");
    if (!start.empty() && start.size() < 9 &&
        std::all_of(start.begin(), start.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      list.next = std::stol(std::string(start));
    }
    lists_.push_back(list);
    f.list = true;
  }

  std::string NextMarker() {
    if (lists_.empty() || !lists_.back().ordered) return "- ";
    return std::to_string(lists_.back().next++) + ". ";
  }

  void EnterLink(Frame& f) {
    f.link = true;
    f.link_mark = layout_.size();
    ++link_depth_;
  }

  void LeaveLink(const Frame& f) {
    --link_depth_;
    const std::string_view href = Attribute(f.node->v.element, "href");
    if (!IsShownLink(href)) return;
    const std::string_view text = layout_.Since(f.link_mark);
    // A text much longer than the URL is not the URL: no need to compare.
    const bool same = text.size() <= href.size() + 16 && Comparable(text) == Comparable(href);
    if (text.find_first_not_of(" \n>-") == std::string_view::npos) {
      layout_.Text(href);
    } else if (!same) {
      layout_.Text(" (");
      layout_.Text(href);
      layout_.Text(")");
    }
  }

  TextLayout layout_;
  std::vector<Frame> stack_;
  std::vector<ListState> lists_;
  int pre_depth_ = 0;
  int link_depth_ = 0;
};

// `html` cut before its kMaxHtmlTags-th tag and at kMaxHtmlBytes.
std::string_view Bounded(std::string_view html) {
  html = html.substr(0, kMaxHtmlBytes);
  std::size_t pos = 0;
  for (std::size_t tags = 0; tags < kMaxHtmlTags; ++tags) {
    pos = html.find('<', pos);
    if (pos == std::string_view::npos) return html;
    ++pos;
  }
  return html.substr(0, pos - 1);
}

bool IsDigitOf(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

// Gumbo reads a numeric character reference into an int without a bound:
// "&#8244353447;" overflows into bytes that are not UTF-8 and may end the
// text there. Every reference beyond U+10FFFF means U+FFFD (HTML, "numeric
// character reference end state"), so those with more significant digits
// than U+10FFFF has are written as "&#xFFFD" before Gumbo reads them.
// `html` itself when there are none; else a copy kept in `storage`.
std::string_view WithoutOverlongReferences(std::string_view html, std::string& storage) {
  std::size_t copied = 0;
  std::size_t pos = html.find("&#");
  while (pos != std::string_view::npos) {
    std::size_t i = pos + 2;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    while (i < html.size() && html[i] == '0') ++i;
    const std::size_t digits_start = i;
    while (i < html.size() && IsDigitOf(html[i], hex)) ++i;
    if (i - digits_start > (hex ? 6u : 7u)) {
      storage.append(html, copied, pos - copied).append("&#xFFFD");
      copied = i;
    }
    pos = html.find("&#", i);
  }
  if (copied == 0) return html;
  storage.append(html, copied);
  return storage;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string rewritten;
  html = WithoutOverlongReferences(Bounded(html), rewritten);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutputPtr output(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output) return {};
  HtmlReader reader;
  return reader.Read(output->root);
}

}  // namespace hd::mail
