#include "mail/mime/html_text.hpp"

#include <gtest/gtest.h>

namespace hd::mail {
namespace {

TEST(HtmlToText, EndsLinesAtBreaksAndBlocks) {
  EXPECT_EQ(HtmlToText("<div>one</div><div>two<br>three</div><p>para</p><p>next</p>"),
            "one\ntwo\nthree\n\npara\n\nnext");
  EXPECT_EQ(HtmlToText("a<br><br>b"), "a\n\nb");
}

TEST(HtmlToText, CollapsesBlanksAsABrowserDoes) {
  EXPECT_EQ(HtmlToText("<p>  many   \n spaces&nbsp;&nbsp;here </p>"), "many spaces here");
}

TEST(HtmlToText, MarksListItems) {
  EXPECT_EQ(HtmlToText("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>"
                       "<ol start=\"3\"><li>x</li><li>y</li></ol>"),
            "- a\n- b\n  - c\n3. x\n4. y");
}

TEST(HtmlToText, ShowsLinkTargetsThatDifferFromTheirText) {
  EXPECT_EQ(HtmlToText("<a href=\"https://x.example/a\">the card</a>"),
            "the card (https://x.example/a)");
  EXPECT_EQ(HtmlToText("<a href=\"https://x.example/\">https://x.example</a>"),
            "https://x.example");
  EXPECT_EQ(HtmlToText("<a href=\"mailto:a@x.example\">a@x.example</a>"), "a@x.example");
  EXPECT_EQ(HtmlToText("<a href=\"https://x.example/i\"><img src=\"cid:1\"></a>"),
            "https://x.example/i");
  EXPECT_EQ(HtmlToText("<a href=\"#top\">up</a>"), "up");
}

TEST(HtmlToText, ReadsTablesRowByRow) {
  EXPECT_EQ(HtmlToText("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td></td>"
                       "<td>3</td></tr></table>"),
            "A | B\n1 | 3");
}

TEST(HtmlToText, PrefixesQuotedLines) {
  EXPECT_EQ(HtmlToText("<p>reply</p><blockquote><p>old</p><p>older</p>"
                       "<blockquote>oldest</blockquote></blockquote>"),
            "reply\n\n> old\n>\n> older\n>\n> > oldest");
}

TEST(HtmlToText, DropsScriptStyleHeadCommentsAndHiddenText) {
  EXPECT_EQ(HtmlToText("<html><head><title>T</title><style>p{}</style></head><body>"
                       "<script>alert(1)</script><!-- note -->visible"
                       "<span style=\"display: none\">preheader</span></body></html>"),
            "visible");
}

TEST(HtmlToText, DecodesEntities) {
  EXPECT_EQ(HtmlToText("AT&amp;T &laquo;x&raquo; &#8470;5 &lt;tag&gt;"), "AT&T «x» №5 <tag>");
}

TEST(HtmlToText, ReadsNumericReferencesBeyondUnicodeAsReplacementCharacters) {
  // Values that overflow a 32-bit int, in decimal and hex, with and
  // without the closing semicolon; leading zeros do not make a value big.
  EXPECT_EQ(HtmlToText("x&#8244353447;y"), "x\uFFFDy");
  EXPECT_EQ(HtmlToText("x&#xFFFFFFFF;y &#X1234567890ABCDEF z"), "x\uFFFDy \uFFFD z");
  EXPECT_EQ(HtmlToText("&#x110000;&#1114112;"), "\uFFFD\uFFFD");
  EXPECT_EQ(HtmlToText("&#x00000000041;&#0000000066;"), "AB");
  EXPECT_EQ(HtmlToText("&#x10FFFF;"), "\U0010FFFF");
}

TEST(HtmlToText, KeepsPreformattedText) {
  EXPECT_EQ(HtmlToText("<pre>a  b\n  c</pre>"), "a  b\n  c");
}

TEST(HtmlToText, SurvivesDeepNestingAndBrokenMarkup) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><b>";
  deep += "deep text";
  EXPECT_NO_THROW((void)HtmlToText(deep));
  EXPECT_EQ(HtmlToText("<p>unclosed <b>bold <i>both</p>after"), "unclosed bold both\n\nafter");
  EXPECT_EQ(HtmlToText(""), "");
}

}  // namespace
}  // namespace hd::mail
