#include "service/desk/saved_views.hpp"

#include "service/validation.hpp"

namespace hd::service {

using core::ports::SavedView;
using core::ports::Tx;

Result<std::vector<SavedView>> SavedViews::List(const Actor& actor) {
  std::vector<SavedView> views;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(views, tx.Views().ListForUser(actor.id));
    return Ok();
  }));
  return views;
}

Result<SavedView> SavedViews::Create(const Actor& actor, const std::string& name,
                                     const std::string& query) {
  const std::string trimmed = Trim(name);
  HD_RETURN_IF_ERROR(CheckText(trimmed, "name", 80, true));
  HD_RETURN_IF_ERROR(CheckText(query, "query", 2000, false));
  SavedView view{{}, actor.id, trimmed, query, clock_.Now()};
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto existing, tx.Views().ListForUser(actor.id));
    if (static_cast<std::int64_t>(existing.size()) >= kMaxPerUser) {
      return Error::Conflict("at most " + std::to_string(kMaxPerUser) +
                             " saved views per person; delete one first");
    }
    for (const SavedView& other : existing) {
      if (other.name == trimmed) {
        return Error::InvalidArgument("you have a view named " + trimmed + " already", "name");
      }
    }
    HD_ASSIGN_OR_RETURN(view, tx.Views().Insert(view));
    return Ok();
  }));
  return view;
}

Status SavedViews::Delete(const Actor& actor, core::SavedViewId id) {
  return store_.Write([&](Tx& tx) { return tx.Views().Delete(actor.id, id); });
}

}  // namespace hd::service
