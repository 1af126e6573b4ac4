// Database copy: table order, refusals, and a SQLite -> PostgreSQL -> SQLite
// round trip of 10,000 tickets with their conversations and history that
// must arrive identical. The PostgreSQL parts need HD_TEST_POSTGRES_URL.
#include "storage/copy/db_copy.hpp"

#include <algorithm>
#include <map>

#include "storage/copy/catalog.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/postgres/pg_test_util.hpp"
#include "storage/repos/sql_tx.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::unique_ptr<SqliteConnection> OpenSqlite(const std::string& path) {
  return Must(SqliteConnection::Open({path, 5000, false}));
}

// Every row of every table as text ("\1" for NULL), sorted, by table.
std::map<std::string, Rows> Dump(Connection& conn) {
  std::map<std::string, Rows> out;
  for (const auto& table : Must(TablesInCopyOrder(conn))) {
    const auto columns = Must(ListColumns(conn, table));
    std::string select;
    for (const auto& c : columns) select += (select.empty() ? "" : ", ") + QuoteIdentifier(c.name);
    auto r = conn.Prepare("SELECT " + select + " FROM " + QuoteIdentifier(table));
    if (!r.ok()) {
      ADD_FAILURE() << r.error().message;
      continue;
    }
    auto& stmt = *r;
    Rows rows;
    while (Must(stmt->Step())) {
      std::vector<std::string> row;
      for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        row.push_back(stmt->IsNull(c) ? "\1" : stmt->ColumnText(c));
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    out[table] = std::move(rows);
  }
  return out;
}

std::string Joined(const std::vector<std::string>& row) {
  std::string out;
  for (const auto& v : row) out += (out.empty() ? "" : " | ") + v;
  return out;
}

// Compares two dumps table by table, naming the first row that differs
// instead of printing both databases.
void ExpectSameContent(const std::map<std::string, Rows>& want,
                       const std::map<std::string, Rows>& got) {
  for (const auto& [table, rows] : want) {
    auto it = got.find(table);
    if (it == got.end()) {
      ADD_FAILURE() << "table " << table << " is missing";
      continue;
    }
    EXPECT_EQ(it->second.size(), rows.size()) << table;
    for (std::size_t i = 0; i < std::min(rows.size(), it->second.size()); ++i) {
      if (rows[i] == it->second[i]) continue;
      ADD_FAILURE() << table << " row " << i << ": want " << Joined(rows[i]) << "\n got "
                    << Joined(it->second[i]);
      break;
    }
  }
  EXPECT_EQ(want.size(), got.size());
}

// One row in each of the mail tables (migration 0008) about ticket `t`.
void AddMail(SqlTx& tx, const core::User& ann, const core::Ticket& t, const core::Message& m) {
  const core::Timestamp at = core::FromUnixMillis(1'767'225'600'000);
  core::ports::InboundRecord in;
  in.source = "imap://127.0.0.1/INBOX";
  in.message_id = "<first@example.com>";
  in.sha256 = std::string(64, 'f');
  in.size = 2048;
  in.from_address = "ann@example.com";
  in.subject = "Принтер";
  in.ticket_id = t.id;
  in.message_ref = m.id;
  in.received_at = at;
  Must(tx.Mail().InsertInbound(in));
  EXPECT_TRUE(tx.Mail().AddParticipant({t.id, "Bob@Example.com", "Bob", at}).ok());
  EXPECT_TRUE(tx.Mail().PutMailbox({"support", "1700000000", at, "", std::nullopt}).ok());
  EXPECT_TRUE(tx.Mail().MarkFailing({"gone@example.com", "550", t.id, at}).ok());
  EXPECT_TRUE(tx.Mail().SetOptOuts(ann.id, {"resolved"}).ok());
  core::ports::Notification note;
  note.kind = "reply";
  note.user_id = ann.id;
  note.ticket_id = t.id;
  note.created_at = at;
  note.message_ref = m.id;
  note = Must(tx.Notifications().Queue(note));
  EXPECT_TRUE(tx.Mail().StartDelivery(note.id, "<n1@helpdesk.example>", 1).ok());
  EXPECT_TRUE(tx.Mail().RecordDelivered(note.id, at, "250 Ok").ok());
}

// A help desk of `tickets` tickets, each with a message, an event and (every
// tenth) feedback, written in one transaction.
void Populate(Connection& conn, int tickets) {
  ASSERT_TRUE(ApplyMigrations(conn).ok());
  ASSERT_TRUE(conn.Exec("BEGIN").ok());
  SqlTx tx(conn);
  auto company = Must(tx.Companies().Insert({{}, "Acme «Ромашка»", true, core::FromUnixMillis(1)}));
  core::User u{{},         "Ann@Example.com", "Ann O'Neil", core::Role::kCustomer,
               company.id, "$argon2id$hash",  false,        core::FromUnixMillis(2)};
  u.language = "en";
  u.time_zone = "Europe/Berlin";
  auto ann = Must(tx.Users().Insert(u));
  for (int i = 0; i < tickets; ++i) {
    auto t =
        Must(tx.Tickets().Insert(SampleTicket(ann, "Printer " + std::to_string(i) + " \"jam\"")));
    auto m = Must(tx.Messages().Insert({{},
                                        t.id,
                                        ann.id,
                                        "body\nline 2 ✓",
                                        i % 3 == 0,
                                        "web",
                                        core::FromUnixMillis(1'767'225'600'000 + i),
                                        {}}));
    Must(tx.Events().Append({{},
                             t.id,
                             std::nullopt,
                             core::FromUnixMillis(1'767'225'600'000 + i),
                             core::EventKind::kCreated,
                             "",
                             "",
                             "",
                             false}));
    if (i % 10 == 0) Must(tx.Feedback().Insert({{}, t.id, ann.id, std::nullopt, 5, "ok", {}}));
    if (i == 0) AddMail(tx, ann, t, m);
  }
  ASSERT_TRUE(
      tx.Auth()
          .InsertSession({"hash", ann.id, "csrf", core::FromUnixMillis(3), core::FromUnixMillis(4)})
          .ok());
  ASSERT_TRUE(conn.Exec("COMMIT").ok());
}

TEST(DbCopy, TablesAreOrderedParentsFirst) {
  TempDir dir;
  auto conn = OpenSqlite(dir.File("a.db"));
  ASSERT_TRUE(ApplyMigrations(*conn).ok());
  const auto order = Must(TablesInCopyOrder(*conn));
  auto at = [&](const std::string& t) {
    return std::find(order.begin(), order.end(), t) - order.begin();
  };
  EXPECT_LT(at("companies"), at("users"));
  EXPECT_LT(at("users"), at("tickets"));
  EXPECT_LT(at("tickets"), at("messages"));
  EXPECT_LT(at("messages"), at("attachments"));
  EXPECT_LT(at("messages"), at("mail_inbound"));
  EXPECT_LT(at("messages"), at("notifications"));
  EXPECT_LT(at("tickets"), at("ticket_participants"));
  EXPECT_LT(at("tickets"), at("failing_addresses"));
  EXPECT_LT(at("users"), at("mail_opt_outs"));
  EXPECT_NE(std::count(order.begin(), order.end(), "mailboxes"), 0);
  EXPECT_EQ(std::count(order.begin(), order.end(), "schema_migrations"), 0);
}

TEST(DbCopy, SqliteToSqliteKeepsEveryRowAndRefusesANonEmptyTarget) {
  TempDir dir;
  auto from = OpenSqlite(dir.File("from.db"));
  Populate(*from, 50);
  auto to = OpenSqlite(dir.File("to.db"));
  auto report = Must(CopyDatabase(*from, *to, {}));
  ExpectSameContent(Dump(*from), Dump(*to));
  EXPECT_EQ(report.tables.size(), Must(TablesInCopyOrder(*from)).size());
  auto again = CopyDatabase(*from, *to, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  CopyOptions replace;
  replace.replace = true;
  EXPECT_EQ(Must(CopyDatabase(*from, *to, replace)).rows, report.rows);
  ExpectSameContent(Dump(*from), Dump(*to));
}

TEST(DbCopy, UnmigratedSourceIsRefused) {
  TempDir dir;
  auto from = OpenSqlite(dir.File("empty.db"));
  auto to = OpenSqlite(dir.File("to.db"));
  auto r = CopyDatabase(*from, *to, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("helpdesk migrate"), std::string::npos);
}

TEST(DbCopy, RoundTripOfTenThousandTicketsThroughPostgresIsIdentical) {
  if (PostgresTestUrl().empty()) GTEST_SKIP() << "HD_TEST_POSTGRES_URL is not set";
  TempDir dir;
  auto sqlite = OpenSqlite(dir.File("from.db"));
  Populate(*sqlite, 10'000);
  const auto original = Dump(*sqlite);
  ASSERT_EQ(original.at("tickets").size(), 10'000u);
  for (const char* mail :
       {"mail_inbound", "ticket_participants", "mailboxes", "failing_addresses", "mail_opt_outs"}) {
    EXPECT_EQ(original.at(mail).size(), 1u) << mail;
  }
  PostgresTestDatabase db;
  {
    auto pg = Must(OpenDatabaseUrl(db.url(), true));
    CopyOptions options;
    options.batch_rows = 700;  // several full batches and a partial one per table
    auto report = Must(CopyDatabase(*sqlite, *pg, options));
    EXPECT_GE(report.rows, 31'000);
    ExpectSameContent(original, Dump(*pg));
    auto back = OpenSqlite(dir.File("back.db"));
    Must(CopyDatabase(*pg, *back, {}));
    ExpectSameContent(original, Dump(*back));
  }
  // New rows continue after the copied ids.
  auto store = Must(PostgresStore::Open({db.url(), 2}));
  core::Ticket added;
  ASSERT_TRUE(store
                  ->Write([&](core::ports::Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(auto ann, tx.Users().FindByEmail("ann@example.com"));
                    if (!ann) return Error::NotFound("ann was not copied");
                    HD_ASSIGN_OR_RETURN(added, tx.Tickets().Insert(SampleTicket(*ann, "new")));
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(added.id.value, 10'001);
}

}  // namespace
}  // namespace hd::storage::testing
