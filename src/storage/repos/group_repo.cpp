// Groups (staff teams) and the categories that route tickets to them.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kGroupColumns = "SELECT id, slug, name, tier FROM groups ";

Result<core::Group> ReadGroup(const Statement& s) {
  return core::Group{IdAt<core::GroupId>(s, 0), s.ColumnText(1),
                     core::LocalText::FromStored(s.ColumnText(2)), IntAt(s, 3)};
}

constexpr std::string_view kCategoryColumns =
    "SELECT slug, label, group_id, hint, edited FROM categories ";

Result<core::Category> ReadCategory(const Statement& s) {
  return core::Category{s.ColumnText(0), core::LocalText::FromStored(s.ColumnText(1)),
                        OptionalIdAt<core::GroupId>(s, 2),
                        core::LocalText::FromStored(s.ColumnText(3)), BoolAt(s, 4)};
}

}  // namespace

Result<core::Group> SqlGroupRepo::Insert(core::Group group) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO groups (slug, name, tier) VALUES (?, ?, ?) RETURNING id",
                        group.slug, group.name.Stored(), group.tier));
  group.id = core::GroupId(id);
  return group;
}

Result<core::Group> SqlGroupRepo::Get(core::GroupId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kGroupColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto group, First<core::Group>(stmt, ReadGroup));
  if (!group) return Error::NotFound("no group " + std::to_string(id.value));
  return std::move(*group);
}

Result<std::optional<core::Group>> SqlGroupRepo::FindBySlug(const std::string& slug) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kGroupColumns, "WHERE slug = ?"), slug));
  return First<core::Group>(stmt, ReadGroup);
}

Result<std::vector<core::Group>> SqlGroupRepo::List() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kGroupColumns, "ORDER BY tier, slug")));
  return Collect<core::Group>(stmt, ReadGroup);
}

Status SqlGroupRepo::Update(const core::Group& group) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_, "UPDATE groups SET name = ?, tier = ? WHERE id = ?",
                          group.name.Stored(), group.tier, group.id));
  if (changed == 0) return Error::NotFound("no group " + std::to_string(group.id.value));
  return Ok();
}

Result<std::vector<core::UserId>> SqlGroupRepo::ListMembers(core::GroupId group) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, "SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id", group));
  return Collect<core::UserId>(
      stmt, [](const Statement& s) -> Result<core::UserId> { return IdAt<core::UserId>(s, 0); });
}

Status SqlGroupRepo::SetMembers(core::GroupId group, const std::vector<core::UserId>& members) {
  HD_RETURN_IF_ERROR(Run(conn_, "DELETE FROM group_members WHERE group_id = ?", group));
  for (core::UserId user : members) {
    HD_RETURN_IF_ERROR(Run(conn_,
                           "INSERT INTO group_members (group_id, user_id) VALUES (?, ?) "
                           "ON CONFLICT DO NOTHING",
                           group, user));
  }
  return Ok();
}

Result<std::vector<core::GroupId>> SqlGroupRepo::GroupsOf(core::UserId user) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, "SELECT group_id FROM group_members WHERE user_id = ? ORDER BY group_id", user));
  return Collect<core::GroupId>(
      stmt, [](const Statement& s) -> Result<core::GroupId> { return IdAt<core::GroupId>(s, 0); });
}

Status SqlGroupRepo::UpsertCategory(const core::Category& category) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO categories (slug, label, group_id, hint, edited) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET "
                         "label = excluded.label, group_id = excluded.group_id, "
                         "hint = excluded.hint, edited = excluded.edited",
                         category.slug, category.label.Stored(), category.group_id,
                         category.hint.Stored(), category.edited));
  return Ok();
}

Result<std::optional<core::Category>> SqlGroupRepo::FindCategory(const std::string& slug) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCategoryColumns, "WHERE slug = ?"), slug));
  return First<core::Category>(stmt, ReadCategory);
}

Result<std::vector<core::Category>> SqlGroupRepo::ListCategories() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCategoryColumns, "ORDER BY slug")));
  return Collect<core::Category>(stmt, ReadCategory);
}

}  // namespace hd::storage
