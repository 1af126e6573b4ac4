#include "service/admin/categories.hpp"

#include "service/admin/audit_log.hpp"
#include "service/licences.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::AuditChange;
using core::ports::Tx;

namespace {

Status CheckTexts(const core::Category& c) {
  HD_RETURN_IF_ERROR(CheckLocalText(c.label, "label", 200, true));
  return CheckLocalText(c.hint, "hint", 2'000, false);
}

// kInvalidArgument naming "group" unless `group` is none or exists.
Status CheckGroup(Tx& tx, const std::optional<core::GroupId>& group) {
  if (!group) return Ok();
  auto found = tx.Groups().Get(*group);
  if (found.ok()) return Ok();
  if (found.error().code != ErrorCode::kNotFound) return std::move(found).error();
  return Error::InvalidArgument("no group has the id " + std::to_string(group->value), "group");
}

std::string GroupText(const std::optional<core::GroupId>& group) {
  return group ? std::to_string(group->value) : "";
}

}  // namespace

Result<std::vector<core::Category>> Categories::List(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<core::Category> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Groups().ListCategories());
    return Ok();
  }));
  return out;
}

Result<core::Category> Categories::Add(const std::optional<Actor>& actor, core::Category c) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckSlug(c.slug, "slug"));
  HD_RETURN_IF_ERROR(CheckTexts(c));
  c.edited = true;
  const auto now = clock_.Now();
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto existing, tx.Groups().FindCategory(c.slug));
    if (existing) {
      return Error::Conflict("a category " + c.slug + " exists already", "category-exists")
          .WithField("slug");
    }
    HD_RETURN_IF_ERROR(CheckGroup(tx, c.group_id));
    HD_RETURN_IF_ERROR(tx.Groups().UpsertCategory(c));
    return tx.Audit().Record({0,
                              ActorId(actor),
                              "category.add",
                              "category:" + c.slug,
                              c.label.In("en"),
                              now,
                              {{"label", "", c.label.Stored()},
                               {"hint", "", c.hint.Stored()},
                               {"group", "", GroupText(c.group_id)}}});
  }));
  return c;
}

Result<core::Category> Categories::Update(const std::optional<Actor>& actor,
                                          const std::string& slug, const CategoryPatch& p) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto now = clock_.Now();
  core::Category out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindCategory(slug));
    if (!found) return Error::NotFound("no category " + slug);
    const core::Category before = *found;
    core::Category c = *found;
    if (p.label) c.label = *p.label;
    if (p.hint) c.hint = *p.hint;
    if (p.group) c.group_id = *p.group;
    HD_RETURN_IF_ERROR(CheckTexts(c));
    HD_RETURN_IF_ERROR(CheckGroup(tx, c.group_id));
    c.edited = true;
    HD_RETURN_IF_ERROR(tx.Groups().UpsertCategory(c));
    out = c;
    std::vector<AuditChange> changes;
    Diff(changes, "label", before.label.Stored(), c.label.Stored());
    Diff(changes, "hint", before.hint.Stored(), c.hint.Stored());
    Diff(changes, "group", GroupText(before.group_id), GroupText(c.group_id));
    if (changes.empty()) return Ok();
    return tx.Audit().Record({0, ActorId(actor), "category.update", "category:" + c.slug,
                              c.label.In("en"), now, std::move(changes)});
  }));
  return out;
}

}  // namespace hd::service
