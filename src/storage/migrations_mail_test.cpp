// Migration 0008 (mail) on a database that was in use before it: existing
// users get the default language and time zone, and what was queued before
// mail existed is never mailed. On SQLite, and on PostgreSQL when
// HD_TEST_POSTGRES_URL is set.
#include <algorithm>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/postgres/pg_test_util.hpp"
#include "storage/repos/sql_tx.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

constexpr int kMailMigration = 8;

// Brings `conn` to the version before mail, writes a user and two queued
// notifications (one sent) the old way, then applies the rest.
void UpgradeWithOldRows(Connection& conn) {
  const auto all = EmbeddedMigrations(conn.dialect());
  const auto mail = std::find_if(all.begin(), all.end(),
                                 [](const Migration& m) { return m.version == kMailMigration; });
  ASSERT_NE(mail, all.end());
  const std::vector<Migration> before(all.begin(), mail);
  ASSERT_EQ(Must(ApplyMigrations(conn, before)), static_cast<int>(before.size()));
  ASSERT_TRUE(conn.Exec("INSERT INTO users (email, name, role, password_hash, created_at) "
                        "VALUES ('old@example.com', 'Old', 'customer', 'h', 1)")
                  .ok());
  ASSERT_TRUE(conn.Exec("INSERT INTO notifications (kind, user_id, subject, body, created_at, "
                        "sent_at) VALUES ('sla_warning', 1, 's', 'b', 2, NULL), "
                        "('sla_breach', 1, 's', 'b', 3, 4)")
                  .ok());
  EXPECT_EQ(Must(ApplyMigrations(conn)), static_cast<int>(all.size() - before.size()));
}

void ExpectOldRowsAreNotMailed(Connection& conn) {
  ASSERT_TRUE(conn.Exec("BEGIN").ok());
  SqlTx tx(conn);
  const auto user = Must(tx.Users().Get(core::UserId(1)));
  EXPECT_EQ(user.email, "old@example.com");
  EXPECT_EQ(user.language, "");
  EXPECT_EQ(user.time_zone, "");
  EXPECT_TRUE(Must(tx.Mail().ListDueDeliveries(core::FromUnixMillis(1'000'000), 10)).empty());
  EXPECT_EQ(Must(tx.Mail().Stats()).outbox, 0);
  const auto old = Must(tx.Notifications().ListForUser(user.id, std::nullopt, 10));
  ASSERT_EQ(old.size(), 2u);
  EXPECT_FALSE(old[0].message_ref.has_value());
  // New notifications are mailed.
  core::ports::Notification fresh;
  fresh.kind = "reply";
  fresh.user_id = user.id;
  fresh.created_at = core::FromUnixMillis(5);
  fresh = Must(tx.Notifications().Queue(fresh));
  const auto due = Must(tx.Mail().ListDueDeliveries(core::FromUnixMillis(5), 10));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].note.id, fresh.id);
  ASSERT_TRUE(conn.Exec("ROLLBACK").ok());
}

TEST(MailMigration, UpgradesAnExistingSqliteDatabase) {
  TempDir dir;
  auto conn = Must(SqliteConnection::Open({dir.File("old.db"), 5000, false}));
  ASSERT_NE(conn, nullptr);
  UpgradeWithOldRows(*conn);
  ExpectOldRowsAreNotMailed(*conn);
}

TEST(MailMigration, UpgradesAnExistingPostgresDatabase) {
  if (PostgresTestUrl().empty()) GTEST_SKIP() << "HD_TEST_POSTGRES_URL is not set";
  PostgresTestDatabase db;
  auto conn = Must(PostgresConnection::Open({db.url()}));
  ASSERT_NE(conn, nullptr);
  UpgradeWithOldRows(*conn);
  ExpectOldRowsAreNotMailed(*conn);
}

}  // namespace
}  // namespace hd::storage::testing
