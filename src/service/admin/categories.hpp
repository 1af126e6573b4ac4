// Categories: the administrators' editing of ticket categories — their
// label and hint per language and the group new tickets go to. Every change
// is audited with its old and new text, and marks the category edited, so
// the start-up directory file (config/defaults/directory.yaml) no longer
// overwrites it. Thread-safe; blocking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/local_text.hpp"
#include "core/ports/store.hpp"
#include "core/user.hpp"
#include "service/actor.hpp"

namespace hd::service {

struct CategoryPatch {
  std::optional<core::LocalText> label;
  std::optional<core::LocalText> hint;
  // The group: set to a group id, or to nullopt for none; unset: unchanged.
  std::optional<std::optional<core::GroupId>> group;
};

class Categories {
 public:
  Categories(core::ports::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // Administrators only (kForbidden).
  Result<std::vector<core::Category>> List(const std::optional<Actor>& actor);
  // kInvalidArgument naming "slug", "label", "hint", "group"; kConflict when
  // the slug is taken.
  Result<core::Category> Add(const std::optional<Actor>& actor, core::Category category);
  // kNotFound for an unknown slug.
  Result<core::Category> Update(const std::optional<Actor>& actor, const std::string& slug,
                                const CategoryPatch& patch);

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
};

}  // namespace hd::service
