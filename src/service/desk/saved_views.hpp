// Saved views: each person's named ticket lists (filters and sort of the
// ticket listing), kept on the server so they follow the person from one
// browser to another. http/ checks that a view's query is a listing query
// before saving it.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"

namespace hd::service {

class SavedViews {
 public:
  // At most this many views per person.
  static constexpr std::int64_t kMaxPerUser = 50;

  SavedViews(core::ports::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // The actor's views, by name.
  Result<std::vector<core::ports::SavedView>> List(const Actor& actor);
  // Saves a view. kInvalidArgument naming "name" (blank, longer than 80
  // characters, or taken by another of the actor's views) or "query"
  // (longer than 2,000 characters); kConflict past kMaxPerUser views.
  Result<core::ports::SavedView> Create(const Actor& actor, const std::string& name,
                                        const std::string& query);
  // kNotFound when the actor has no such view.
  Status Delete(const Actor& actor, core::SavedViewId id);

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
};

}  // namespace hd::service
