// OpenMailSource picks the source by the URL's scheme.
#include "mail/transport/mail_source.hpp"

#include <gtest/gtest.h>

namespace hd::mail {
namespace {

std::string NameOf(const std::string& url) {
  MailboxOptions options;
  options.url = url;
  auto source = OpenMailSource(options);
  EXPECT_TRUE(source.ok()) << url << ": " << source.error().message;
  return source.ok() ? (*source)->Name() : "";
}

TEST(OpenMailSource, ChoosesTheSourceByScheme) {
  EXPECT_EQ(NameOf("imap://127.0.0.1:1143/INBOX"), "imap://127.0.0.1:1143/INBOX");
  EXPECT_EQ(NameOf("IMAPS://mail.example"), "imaps://mail.example/INBOX");
  EXPECT_EQ(NameOf("pop3://127.0.0.1:1110"), "pop3://127.0.0.1:1110");
  EXPECT_EQ(NameOf("pop3s://mail.example:995"), "pop3s://mail.example:995");
  EXPECT_EQ(NameOf("maildir:/var/mail/support"), "maildir:/var/mail/support");
  EXPECT_EQ(NameOf("/var/mail/support"), "maildir:/var/mail/support");
  EXPECT_EQ(NameOf("spool/support"), "maildir:spool/support");
}

TEST(OpenMailSource, RejectsOtherUrlsNamingTheField) {
  for (const char* url :
       {"http://mail.example", "smtp://mail.example", "", "maildir:", "ftp://x/y", "imap://"}) {
    MailboxOptions options;
    options.url = url;
    auto source = OpenMailSource(options);
    ASSERT_FALSE(source.ok()) << url;
    EXPECT_EQ(source.error().code, ErrorCode::kInvalidArgument) << url;
    EXPECT_EQ(source.error().field, "url") << url;
  }
}

TEST(OpenMailSource, PassesOptionErrorsOn) {
  MailboxOptions options;
  options.url = "imap://mail.example";
  options.done = "archive";
  EXPECT_EQ(OpenMailSource(options).error().field, "done");
  options.done = "flag";
  options.timeout = std::chrono::seconds(0);
  EXPECT_EQ(OpenMailSource(options).error().field, "timeout");
}

}  // namespace
}  // namespace hd::mail
