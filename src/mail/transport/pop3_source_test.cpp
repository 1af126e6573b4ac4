// Pop3Source against the real Dovecot of scripts/mail-servers
// (HD_TEST_POP3_URL): each test reads a mailbox of its own user, filled over
// IMAP APPEND.
#include "mail/transport/pop3_source.hpp"

#include <gtest/gtest.h>

#include "mail/transport/imap_protocol.hpp"
#include "mail/transport/transport_test_env.hpp"

namespace hd::mail {
namespace {

std::unique_ptr<Pop3Source> Open(const testing::MailServers& env, const std::string& user,
                                 const std::string& password) {
  MailboxOptions options;
  options.url = env.pop3_url;
  options.user = user;
  options.password = password;
  options.timeout = std::chrono::seconds(10);
  auto source = Pop3Source::Create(options);
  EXPECT_TRUE(source.ok()) << source.error().message;
  return source.ok() ? std::move(source).value() : nullptr;
}

TEST(Pop3Source, ListsFetchesAndDeletes) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  const std::string first = testing::SampleMessage("first");
  testing::ImapAppend(env, user, first);
  testing::ImapAppend(env, user, testing::SampleMessage("second"));
  auto source = Open(env, user, env.password);
  ASSERT_TRUE(source->Check().ok());
  EXPECT_EQ(*source->Epoch(), "");
  auto keys = source->ListPending(10);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ(source->ListPending(1)->size(), 1u);

  auto fetched = source->Fetch((*keys)[0]);
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_EQ(*fetched, first);  // dot-stuffed lines come back as written

  ASSERT_TRUE(source->MarkDone((*keys)[0]).ok());
  EXPECT_EQ(*source->ListPending(10), std::vector<std::string>{(*keys)[1]});
  EXPECT_EQ(*Open(env, user, env.password)->ListPending(10), std::vector<std::string>{(*keys)[1]});
  // Deleted for real: IMAP sees one message left.
  EXPECT_EQ(imap::ParseSearch(testing::ImapCommand(env, user, "INBOX", "UID SEARCH ALL")).size(),
            1u);

  auto gone = source->Fetch((*keys)[0]);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

TEST(Pop3Source, WrongPasswordIsUnauthenticatedAndNotShown) {
  HD_REQUIRE_MAIL_SERVERS(env);
  auto source = Open(env, testing::UniqueUser(), "hunter2-wrong");
  auto keys = source->ListPending(10);
  ASSERT_FALSE(keys.ok());
  EXPECT_EQ(keys.error().code, ErrorCode::kUnauthenticated) << keys.error().message;
  EXPECT_EQ(keys.error().message.find("hunter2"), std::string::npos);
  Status check = source->Check();
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, ErrorCode::kUnauthenticated);
}

TEST(Pop3Source, EmptyMailboxListsNothing) {
  HD_REQUIRE_MAIL_SERVERS(env);
  auto keys = Open(env, testing::UniqueUser(), env.password)->ListPending(10);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  EXPECT_TRUE(keys->empty());
}

}  // namespace
}  // namespace hd::mail
