// Users and companies.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, email, name, role, company_id, password_hash, disabled, created_at, language, "
    "time_zone FROM users ";

Result<core::User> ReadUser(const Statement& s) {
  core::User u;
  u.id = IdAt<core::UserId>(s, 0);
  u.email = s.ColumnText(1);
  u.name = s.ColumnText(2);
  const std::string role = s.ColumnText(3);
  const auto parsed = core::ParseRole(role);
  if (!parsed) return Corrupt("role", role);
  u.role = *parsed;
  u.company_id = OptionalIdAt<core::CompanyId>(s, 4);
  u.password_hash = s.ColumnText(5);
  u.disabled = BoolAt(s, 6);
  u.created_at = TimeAt(s, 7);
  u.language = s.ColumnText(8);
  u.time_zone = s.ColumnText(9);
  return u;
}

constexpr std::string_view kCompanyColumns =
    "SELECT id, name, share_tickets, created_at FROM companies ";

Result<core::Company> ReadCompany(const Statement& s) {
  return core::Company{IdAt<core::CompanyId>(s, 0), s.ColumnText(1), BoolAt(s, 2), TimeAt(s, 3)};
}

// A LIKE pattern (ESCAPE '!') for values containing `text`, lower-cased
// for ASCII letters as the compared columns are.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  pattern += '%';
  return pattern;
}

}  // namespace

Result<core::User> SqlUserRepo::Insert(core::User user) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO users (email, name, role, company_id, password_hash, "
                        "disabled, created_at, language, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        "?, ?) RETURNING id",
                        user.email, user.name, core::ToString(user.role), user.company_id,
                        user.password_hash, user.disabled, user.created_at, user.language,
                        user.time_zone));
  user.id = core::UserId(id);
  return user;
}

Result<core::User> SqlUserRepo::Get(core::UserId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kUserColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto user, First<core::User>(stmt, ReadUser));
  if (!user) return Error::NotFound("no user " + std::to_string(id.value));
  return std::move(*user);
}

Result<std::optional<core::User>> SqlUserRepo::FindByEmail(const std::string& email) {
  // The column compares case-insensitively (COLLATE NOCASE / citext).
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kUserColumns, "WHERE email = ?"), email));
  return First<core::User>(stmt, ReadUser);
}

Status SqlUserRepo::Update(const core::User& user) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE users SET email = ?, name = ?, role = ?, company_id = ?, "
          "password_hash = ?, disabled = ?, language = ?, time_zone = ? "
          "WHERE id = ?",
          user.email, user.name, core::ToString(user.role), user.company_id, user.password_hash,
          user.disabled, user.language, user.time_zone, user.id));
  if (changed == 0) return Error::NotFound("no user " + std::to_string(user.id.value));
  return Ok();
}

Result<std::int64_t> SqlUserRepo::Count() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT COUNT(*) FROM users"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<std::vector<core::User>> SqlUserRepo::FindActive(const std::vector<core::Role>& roles,
                                                        const std::string& text, int limit) {
  if (roles.empty() || limit <= 0) return std::vector<core::User>();
  std::string where = "WHERE disabled = 0 AND role IN (";
  for (std::size_t i = 0; i < roles.size(); ++i) where += i == 0 ? "?" : ", ?";
  where +=
      ") AND (lower(name) LIKE ? ESCAPE '!' OR lower(email) LIKE ? ESCAPE '!') "
      "ORDER BY name, id LIMIT ?";
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(Sql(kUserColumns, where)));
  int index = 0;
  for (core::Role role : roles) stmt->BindText(++index, core::ToString(role));
  const std::string pattern = ContainsPattern(text);
  stmt->BindText(++index, pattern);
  stmt->BindText(++index, pattern);
  stmt->BindInt(++index, limit);
  return Collect<core::User>(stmt, ReadUser);
}

Result<std::vector<core::User>> SqlUserRepo::List(const core::ports::UserQuery& q) {
  if (q.limit <= 0) return std::vector<core::User>();
  std::string where = "WHERE 1 = 1";
  if (!q.roles.empty()) {
    where += " AND role IN (";
    for (std::size_t i = 0; i < q.roles.size(); ++i) where += i == 0 ? "?" : ", ?";
    where += ")";
  }
  if (!q.text.empty())
    where += " AND (lower(name) LIKE ? ESCAPE '!' OR lower(email) LIKE ? ESCAPE '!')";
  if (q.company_id) where += " AND company_id = ?";
  if (q.disabled) where += " AND disabled = ?";
  if (q.after) where += " AND id > ?";
  where += " ORDER BY id LIMIT ?";
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(Sql(kUserColumns, where)));
  int index = 0;
  for (core::Role role : q.roles) stmt->BindText(++index, core::ToString(role));
  if (!q.text.empty()) {
    const std::string pattern = ContainsPattern(q.text);
    stmt->BindText(++index, pattern);
    stmt->BindText(++index, pattern);
  }
  if (q.company_id) stmt->BindInt(++index, q.company_id->value);
  if (q.disabled) stmt->BindInt(++index, *q.disabled ? 1 : 0);
  if (q.after) stmt->BindInt(++index, q.after->value);
  stmt->BindInt(++index, q.limit);
  return Collect<core::User>(stmt, ReadUser);
}

Result<core::Company> SqlCompanyRepo::Insert(core::Company company) {
  HD_ASSIGN_OR_RETURN(std::int64_t id,
                      InsertReturningId(conn_,
                                        "INSERT INTO companies (name, share_tickets, created_at) "
                                        "VALUES (?, ?, ?) RETURNING id",
                                        company.name, company.share_tickets, company.created_at));
  company.id = core::CompanyId(id);
  return company;
}

Result<core::Company> SqlCompanyRepo::Get(core::CompanyId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCompanyColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto company, First<core::Company>(stmt, ReadCompany));
  if (!company) return Error::NotFound("no company " + std::to_string(id.value));
  return std::move(*company);
}

Result<std::optional<core::Company>> SqlCompanyRepo::FindByName(const std::string& name) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCompanyColumns, "WHERE name = ?"), name));
  return First<core::Company>(stmt, ReadCompany);
}

Result<std::vector<core::Company>> SqlCompanyRepo::List() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCompanyColumns, "ORDER BY name, id")));
  return Collect<core::Company>(stmt, ReadCompany);
}

Status SqlCompanyRepo::Update(const core::Company& company) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_, "UPDATE companies SET name = ?, share_tickets = ? WHERE id = ?",
                          company.name, company.share_tickets, company.id));
  if (changed == 0) return Error::NotFound("no company " + std::to_string(company.id.value));
  return Ok();
}

}  // namespace hd::storage
