// The IMAP text ImapSource writes and reads itself.
#include "mail/transport/imap_protocol.hpp"

#include <gtest/gtest.h>

namespace hd::mail::imap {
namespace {

TEST(ImapProtocol, EncodesMailboxNamesInModifiedUtf7) {
  // RFC 3501 §5.1.3's example.
  EXPECT_EQ(EncodeMailboxName("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
  EXPECT_EQ(EncodeMailboxName("INBOX"), "INBOX");
  EXPECT_EQ(EncodeMailboxName("Tom & Jerry"), "Tom &- Jerry");
  EXPECT_EQ(EncodeMailboxName("Входящие"), "&BBIERQQ+BDQETwRJBDgENQ-");
  EXPECT_EQ(EncodeMailboxName("😀"), "&2D3eAA-");  // a surrogate pair
}

TEST(ImapProtocol, QuotesAndEscapesCustomRequests) {
  EXPECT_EQ(Quote("Done"), "\"Done\"");
  EXPECT_EQ(Quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(CustomRequest("STATUS \"100%\" (UIDVALIDITY)"), "STATUS \"100%25\" (UIDVALIDITY)");
}

TEST(ImapProtocol, AcceptsOnlyKeywordAtoms) {
  EXPECT_TRUE(IsKeyword("$HelpdeskDone"));
  EXPECT_TRUE(IsKeyword("Processed"));
  EXPECT_FALSE(IsKeyword(""));
  EXPECT_FALSE(IsKeyword("two words"));
  EXPECT_FALSE(IsKeyword("\\Seen"));
  EXPECT_FALSE(IsKeyword("a)b"));
  EXPECT_FALSE(IsKeyword("x\r\nA1 LOGOUT"));
}

TEST(ImapProtocol, ParsesSearchResponsesAscending) {
  EXPECT_EQ(ParseSearch("* FLAGS (\\Seen)\r\n* SEARCH 7 3 12\r\n* 3 EXISTS\r\n"),
            (std::vector<std::uint32_t>{3, 7, 12}));
  EXPECT_TRUE(ParseSearch("* SEARCH\r\n").empty());
  EXPECT_TRUE(ParseSearch("").empty());
}

TEST(ImapProtocol, ParsesStatusItems) {
  EXPECT_EQ(
      ParseStatusItem("* STATUS INBOX (MESSAGES 2 UIDVALIDITY 1796604431)\r\n", "uidvalidity"),
      "1796604431");
  EXPECT_EQ(ParseStatusItem("* STATUS \"My (box)\" (UIDVALIDITY 5)\r\n", "UIDVALIDITY"), "5");
  EXPECT_FALSE(ParseStatusItem("* OK done\r\n", "UIDVALIDITY").has_value());
}

TEST(ImapProtocol, ParsesTheFlagsOfOneUid) {
  const std::string response =
      "* 1 FETCH (UID 2 FLAGS (\\Seen))\r\n* 2 FETCH (FLAGS (\\Recent $HelpdeskDone) UID 23)\r\n";
  EXPECT_EQ(*ParseFetchFlags(response, 2), std::vector<std::string>{"\\Seen"});
  EXPECT_EQ(*ParseFetchFlags(response, 23),
            (std::vector<std::string>{"\\Recent", "$HelpdeskDone"}));
  EXPECT_FALSE(ParseFetchFlags(response, 3).has_value());
  EXPECT_TRUE(ParseFetchFlags("* 4 FETCH (UID 9 FLAGS ())\r\n", 9)->empty());
}

TEST(ImapProtocol, ParsesCapabilitiesAndUids) {
  auto caps = ParseCapabilities("* CAPABILITY IMAP4rev1 uidplus MOVE\r\n");
  EXPECT_EQ(caps, (std::vector<std::string>{"IMAP4REV1", "UIDPLUS", "MOVE"}));
  EXPECT_EQ(*ParseUid("42"), 42u);
  EXPECT_FALSE(ParseUid("0").has_value());
  EXPECT_FALSE(ParseUid("4294967296").has_value());
  EXPECT_FALSE(ParseUid("1 2").has_value());
  EXPECT_FALSE(ParseUid("").has_value());
}

}  // namespace
}  // namespace hd::mail::imap
