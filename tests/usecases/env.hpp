// A real help desk for use-case tests: SQLite in a temporary folder, the
// blob store of `helpdesk serve` (small blobs in the database, the rest in
// files; kInlineBlobBytes is low so tests meet both), a fake clock and the
// use cases, with helpers to make users.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "service/services.hpp"
#include "storage/database_blob_store.hpp"
#include "storage/file_blob_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace hd::testing {

class UseCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("hd-usecase-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    storage::SqliteOptions opts;
    opts.path = (dir_ / "helpdesk.db").string();
    auto store = storage::SqliteStore::Open(opts);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    files_ = std::make_unique<storage::FileBlobStore>((dir_ / "blobs").string());
    blobs_ = std::make_unique<storage::DatabaseBlobStore>(*store_, *files_, kInlineBlobBytes);
    options_.password_ops_limit = 1;  // fast hashes: these tests are not about cost
    options_.password_mem_limit = 64 * 1024;
    s_ = std::make_unique<service::Services>(*store_, *blobs_, clock_, options_);
    support_ = s_->directory.AddGroup(std::nullopt, {{}, "support", "Support", 1}).value();
    ASSERT_TRUE(
        s_->directory.PutCategory(std::nullopt, {"licence", "Licences", support_.id, ""}).ok());
  }

  void TearDown() override {
    s_.reset();
    blobs_.reset();
    files_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Creates a user of `role` (company optional) and returns them as an actor.
  service::Actor Make(const std::string& email, core::Role role = core::Role::kCustomer,
                      const std::string& company = "") {
    auto user = s_->accounts.AddUser(std::nullopt, {email, "secret-password", role, "", company});
    EXPECT_TRUE(user.ok()) << user.error().message;
    return service::Actor::From(*user);
  }

  service::CreateTicketInput Input(const std::string& subject = "Site is down") {
    service::CreateTicketInput in;
    in.subject = subject;
    in.body = "Every page answers 500.";
    return in;
  }

  core::Ticket Open(const service::Actor& who, const std::string& subject = "Site is down") {
    auto created = s_->tickets.Create(who, Input(subject));
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created->ticket;
  }

  static constexpr std::size_t kInlineBlobBytes = 64 * 1024;

  std::filesystem::path dir_;
  core::FakeClock clock_{core::FromUnixMillis(1'767'261'600'000)};  // 2026-01-01T10:00:00Z
  service::Options options_;
  std::unique_ptr<storage::SqliteStore> store_;
  std::unique_ptr<storage::FileBlobStore> files_;
  std::unique_ptr<storage::DatabaseBlobStore> blobs_;
  std::unique_ptr<service::Services> s_;
  core::Group support_;
};

}  // namespace hd::testing
