// MaildirSource on a Maildir folder made in a temporary directory.
#include "mail/transport/maildir_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "mail/transport/transport_test_env.hpp"

namespace hd::mail {
namespace {
namespace fs = std::filesystem;

class MaildirSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("hd-maildir-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(root_ / sub);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Writes `bytes` to SUB/NAME with a modification time `age` seconds ago.
  void Put(const std::string& sub_name, const std::string& bytes, int age) {
    const fs::path path = root_ / sub_name;
    std::ofstream(path, std::ios::binary) << bytes;
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(age));
  }

  fs::path root_;
};

TEST_F(MaildirSourceTest, ListsNewAndUnseenCurMessagesOldestFirst) {
  Put("new/1700000003.M1P1.host", "c", 10);
  Put("new/1700000001.M1P1.host", "a", 30);
  Put("cur/1700000002.M1P1.host:2,F", "b", 20);  // flagged, not seen: pending
  Put("cur/1700000000.M1P1.host:2,S", "done", 40);
  Put("new/.hidden", "x", 50);
  Put("tmp/1700000009.M1P1.host", "being written", 60);
  MaildirSource source(root_);
  auto keys = source.ListPending(10);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  EXPECT_EQ(*keys, (std::vector<std::string>{"1700000001.M1P1.host", "1700000002.M1P1.host",
                                             "1700000003.M1P1.host"}));
  EXPECT_EQ(source.ListPending(1)->size(), 1u);
  EXPECT_EQ(*source.Epoch(), "");
}

TEST_F(MaildirSourceTest, EqualTimesAreOrderedByName) {
  Put("new/b", "2", 5);
  Put("new/a", "1", 5);
  fs::last_write_time(root_ / "new/b", fs::last_write_time(root_ / "new/a"));
  MaildirSource source(root_);
  EXPECT_EQ(*source.ListPending(10), (std::vector<std::string>{"a", "b"}));
}

TEST_F(MaildirSourceTest, FetchesTheExactBytes) {
  const std::string raw = testing::SampleMessage("maildir") + std::string("\0\xff", 2);
  Put("new/m1", raw, 1);
  Put("cur/m2:2,R", "replied", 1);
  MaildirSource source(root_);
  EXPECT_EQ(*source.Fetch("m1"), raw);
  EXPECT_EQ(*source.Fetch("m2"), "replied");
}

TEST_F(MaildirSourceTest, MarkDoneMovesNewToCurWithTheSeenFlag) {
  Put("new/m1", "x", 1);
  MaildirSource source(root_);
  ASSERT_TRUE(source.ListPending(10).ok());
  ASSERT_TRUE(source.MarkDone("m1").ok());
  EXPECT_TRUE(fs::exists(root_ / "cur/m1:2,S"));
  EXPECT_FALSE(fs::exists(root_ / "new/m1"));
  EXPECT_TRUE(source.ListPending(10)->empty());
  EXPECT_EQ(*source.Fetch("m1"), "x");
  EXPECT_TRUE(source.MarkDone("m1").ok());  // twice is fine
}

TEST_F(MaildirSourceTest, MarkDoneAddsSeenToTheFlagsInOrder) {
  Put("cur/m1:2,FR", "x", 1);
  MaildirSource source(root_);
  ASSERT_TRUE(source.MarkDone("m1").ok());
  EXPECT_TRUE(fs::exists(root_ / "cur/m1:2,FRS"));
  EXPECT_TRUE(source.ListPending(10)->empty());
}

TEST_F(MaildirSourceTest, FindsAMessageAMailClientRenamed) {
  Put("new/m1", "x", 1);
  MaildirSource source(root_);
  ASSERT_EQ(source.ListPending(10)->size(), 1u);
  fs::rename(root_ / "new/m1", root_ / "cur/m1:2,F");
  EXPECT_EQ(*source.Fetch("m1"), "x");
  ASSERT_TRUE(source.MarkDone("m1").ok());
  EXPECT_TRUE(fs::exists(root_ / "cur/m1:2,FS"));
}

TEST_F(MaildirSourceTest, VanishedMessageIsNotFound) {
  Put("new/m1", "x", 1);
  MaildirSource source(root_);
  ASSERT_EQ(source.ListPending(10)->size(), 1u);
  fs::remove(root_ / "new/m1");
  EXPECT_EQ(source.Fetch("m1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(source.MarkDone("m1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(source.Fetch("../etc").error().code, ErrorCode::kInvalidArgument);
}

TEST_F(MaildirSourceTest, MissingFolderIsUnavailable) {
  MaildirSource source(root_ / "nope");
  EXPECT_EQ(source.Check().error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(source.ListPending(10).error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(MaildirSource(root_).Check().ok());
  EXPECT_EQ(MaildirSource(root_).Name(), "maildir:" + root_.string());
}

}  // namespace
}  // namespace hd::mail
