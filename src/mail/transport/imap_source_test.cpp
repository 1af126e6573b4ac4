// ImapSource against the real Dovecot of scripts/mail-servers
// (HD_TEST_IMAP_URL, HD_TEST_IMAPS_URL): each test reads a mailbox of its
// own user, filled over IMAP APPEND.
#include "mail/transport/imap_source.hpp"

#include <gtest/gtest.h>

#include "mail/transport/imap_protocol.hpp"
#include "mail/transport/transport_test_env.hpp"

namespace hd::mail {
namespace {

using testing::MailServers;

MailboxOptions OptionsFor(const MailServers& env, const std::string& user) {
  MailboxOptions options;
  options.url = env.imap_url + "/INBOX";
  options.user = user;
  options.password = env.password;
  options.timeout = std::chrono::seconds(10);
  return options;
}

std::unique_ptr<ImapSource> Open(const MailboxOptions& options) {
  auto source = ImapSource::Create(options);
  EXPECT_TRUE(source.ok()) << source.error().message;
  return source.ok() ? std::move(source).value() : nullptr;
}

std::vector<std::string> Pending(ImapSource& source, int limit = 100) {
  auto keys = source.ListPending(limit);
  EXPECT_TRUE(keys.ok()) << keys.error().message;
  return keys.ok() ? *keys : std::vector<std::string>{};
}

TEST(ImapSource, ListsPendingMessagesInUidOrderUpToTheLimit) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  for (int i = 0; i < 3; ++i)
    testing::ImapAppend(env, user, testing::SampleMessage("m" + std::to_string(i)));
  auto source = Open(OptionsFor(env, user));
  EXPECT_EQ(Pending(*source), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(Pending(*source, 2), (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(Pending(*source, 0).empty());
}

TEST(ImapSource, FetchesTheExactBytesAndLeavesTheMessageUnread) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  const std::string raw = testing::SampleMessage("exact", std::string(2000, 'y'));
  testing::ImapAppend(env, user, raw);
  auto source = Open(OptionsFor(env, user));
  auto fetched = source->Fetch("1");
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_EQ(*fetched, raw);
  auto flags =
      imap::ParseFetchFlags(testing::ImapCommand(env, user, "INBOX", "UID FETCH 1 (FLAGS)"), 1);
  ASSERT_TRUE(flags.has_value());
  EXPECT_EQ(std::count(flags->begin(), flags->end(), "\\Seen"), 0);
}

TEST(ImapSource, MarkDoneByFlagSetsTheKeywordAndIsNotListedAgain) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  testing::ImapAppend(env, user, testing::SampleMessage("a"));
  testing::ImapAppend(env, user, testing::SampleMessage("b"));
  auto source = Open(OptionsFor(env, user));
  ASSERT_EQ(Pending(*source).size(), 2u);
  ASSERT_TRUE(source->MarkDone("1").ok());
  EXPECT_EQ(Pending(*source), (std::vector<std::string>{"2"}));
  auto again = Open(OptionsFor(env, user));  // a new connection sees the same
  EXPECT_EQ(Pending(*again), (std::vector<std::string>{"2"}));
  auto flags =
      imap::ParseFetchFlags(testing::ImapCommand(env, user, "INBOX", "UID FETCH 1 (FLAGS)"), 1);
  ASSERT_TRUE(flags.has_value());
  EXPECT_EQ(std::count(flags->begin(), flags->end(), "$HelpdeskDone"), 1);
}

void ExpectMovedToDoneFolder(const MailServers& env, bool use_uid_move) {
  const std::string user = testing::UniqueUser();
  const std::string raw = testing::SampleMessage("moved");
  testing::ImapAppend(env, user, raw);
  testing::ImapAppend(env, user, testing::SampleMessage("stays"));
  MailboxOptions options = OptionsFor(env, user);
  options.done = "move";
  options.done_folder = "Обработано";  // created on first use, in modified UTF-7
  options.use_uid_move = use_uid_move;
  auto source = Open(options);
  ASSERT_TRUE(source->MarkDone("1").ok());
  EXPECT_EQ(Pending(*source), (std::vector<std::string>{"2"}));
  const std::string wire = imap::EncodeMailboxName("Обработано");
  EXPECT_EQ(imap::ParseSearch(testing::ImapCommand(env, user, wire, "UID SEARCH ALL")).size(), 1u);
  EXPECT_EQ(imap::ParseSearch(testing::ImapCommand(env, user, "INBOX", "UID SEARCH ALL")),
            (std::vector<std::uint32_t>{2}));
  ASSERT_TRUE(source->MarkDone("2").ok());  // the folder exists now
  EXPECT_TRUE(Pending(*source).empty());
}

TEST(ImapSource, MarkDoneByMoveMovesToTheDoneFolder) {
  HD_REQUIRE_MAIL_SERVERS(env);
  ExpectMovedToDoneFolder(env, /*use_uid_move=*/true);
}

TEST(ImapSource, MarkDoneByMoveWithoutUidMoveCopiesAndExpunges) {
  HD_REQUIRE_MAIL_SERVERS(env);
  ExpectMovedToDoneFolder(env, /*use_uid_move=*/false);
}

TEST(ImapSource, EpochIsTheFoldersUidValidity) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  testing::ImapAppend(env, user, testing::SampleMessage("v"));
  auto source = Open(OptionsFor(env, user));
  auto epoch = source->Epoch();
  ASSERT_TRUE(epoch.ok()) << epoch.error().message;
  // Dovecot keeps it in the first line of dovecot-uidlist: "3 V<uidvalidity> N…".
  const std::string uidlist = testing::ReadFile(env.mail_dir + "/" + user + "/dovecot-uidlist");
  EXPECT_NE(uidlist.find(" V" + *epoch + " "), std::string::npos) << uidlist;
  EXPECT_EQ(*source->Epoch(), *epoch);
}

TEST(ImapSource, ConnectsAgainAfterTheServerDroppedTheConnection) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  testing::ImapAppend(env, user, testing::SampleMessage("again"));
  auto source = Open(OptionsFor(env, user));
  ASSERT_EQ(Pending(*source).size(), 1u);
  ASSERT_GE(testing::KillSessionsOf(user), 1);
  EXPECT_EQ(Pending(*source), (std::vector<std::string>{"1"}));
  EXPECT_TRUE(source->MarkDone("1").ok());
  EXPECT_TRUE(Pending(*source).empty());
}

TEST(ImapSource, FetchOfAMissingMessageIsNotFound) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  testing::ImapAppend(env, user, testing::SampleMessage("only"));
  auto source = Open(OptionsFor(env, user));
  auto missing = source->Fetch("42");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto bad = source->Fetch("x1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST(ImapSource, WrongPasswordIsUnauthenticatedAndNotShown) {
  HD_REQUIRE_MAIL_SERVERS(env);
  MailboxOptions options = OptionsFor(env, testing::UniqueUser());
  options.password = "hunter2-wrong";
  auto source = Open(options);
  auto keys = source->ListPending(10);
  ASSERT_FALSE(keys.ok());
  EXPECT_EQ(keys.error().code, ErrorCode::kUnauthenticated);
  EXPECT_NE(keys.error().message.find("login refused"), std::string::npos) << keys.error().message;
  EXPECT_EQ(keys.error().message.find("hunter2"), std::string::npos);
  EXPECT_FALSE(source->Check().ok());
}

TEST(ImapSource, MissingFolderIsNotFound) {
  HD_REQUIRE_MAIL_SERVERS(env);
  MailboxOptions options = OptionsFor(env, testing::UniqueUser());
  options.url = env.imap_url + "/NoSuchFolder";
  auto keys = Open(options)->ListPending(10);
  ASSERT_FALSE(keys.ok());
  EXPECT_EQ(keys.error().code, ErrorCode::kNotFound) << keys.error().message;
}

TEST(ImapSource, ImapsWorksWhenTheCertificateIsNotVerified) {
  HD_REQUIRE_MAIL_SERVERS(env);
  const std::string user = testing::UniqueUser();
  testing::ImapAppend(env, user, testing::SampleMessage("tls"));
  MailboxOptions options = OptionsFor(env, user);
  options.url = env.imaps_url;  // no folder: INBOX
  options.verify_tls = false;
  EXPECT_EQ(Pending(*Open(options)), (std::vector<std::string>{"1"}));
  options.verify_tls = true;  // self-signed: refused
  Status check = Open(options)->Check();
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, ErrorCode::kUnavailable);
}

TEST(ImapSource, ClosedPortIsUnavailable) {
  MailboxOptions options;
  options.url = "imap://127.0.0.1:" + std::to_string(testing::FreePort());
  options.user = "support";
  options.password = "hunter2";
  auto keys = Open(options)->ListPending(10);
  ASSERT_FALSE(keys.ok());
  EXPECT_EQ(keys.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(keys.error().message.find("hunter2"), std::string::npos);
}

TEST(ImapSource, RejectsBadOptions) {
  MailboxOptions options;
  options.url = "imap://127.0.0.1:1/INBOX";
  options.done = "delete";
  EXPECT_EQ(ImapSource::Create(options).error().field, "done");
  options.done = "flag";
  options.done_flag = "\\Seen";
  EXPECT_EQ(ImapSource::Create(options).error().field, "done_flag");
  options.done = "move";
  options.done_folder = "INBOX";
  EXPECT_EQ(ImapSource::Create(options).error().field, "done_folder");
  options.url = "pop3://127.0.0.1:1";
  EXPECT_EQ(ImapSource::Create(options).error().field, "url");
}

TEST(ImapSource, NameShowsNoCredentials) {
  MailboxOptions options;
  options.url = "imaps://support:hunter2@mail.example:993/Support";
  EXPECT_EQ(Open(options)->Name(), "imaps://mail.example:993/Support");
}

}  // namespace
}  // namespace hd::mail
