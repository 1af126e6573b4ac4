#include "service/profile.hpp"

#include "service/mail/mail_words.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

Status CheckPatch(const ProfilePatch& patch) {
  HD_RETURN_IF_ERROR(
      CheckLanguageAndZone(patch.language.value_or(""), patch.time_zone.value_or("")));
  if (patch.name) HD_RETURN_IF_ERROR(CheckText(Trim(*patch.name), "name", 200, true));
  if (patch.mail_off) {
    if (patch.mail_off->size() > 50) {
      return Error::InvalidArgument("mail_off lists at most 50 kinds", "mail_off");
    }
    for (const std::string& kind : *patch.mail_off) {
      HD_RETURN_IF_ERROR(CheckText(kind, "mail_off", 64, true));
    }
  }
  return Ok();
}

}  // namespace

ProfileView Profile::View(core::User user, std::vector<std::string> mail_off) const {
  ProfileView v;
  v.language = user.language.empty() ? default_language_ : user.language;
  v.time_zone = user.time_zone.empty() ? default_time_zone_ : user.time_zone;
  v.user = std::move(user);
  v.mail_off = std::move(mail_off);
  return v;
}

Result<ProfileView> Profile::Get(const Actor& actor) {
  std::optional<ProfileView> view;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(actor.id));
    HD_ASSIGN_OR_RETURN(auto off, tx.Mail().ListOptOuts(actor.id));
    view = View(std::move(user), std::move(off));
    return Ok();
  }));
  return std::move(*view);
}

Result<ProfileView> Profile::Update(const Actor& actor, const ProfilePatch& patch) {
  HD_RETURN_IF_ERROR(CheckPatch(patch));
  std::optional<ProfileView> view;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(actor.id));
    if (patch.name) user.name = Trim(*patch.name);
    if (patch.language) user.language = *patch.language;
    if (patch.time_zone) user.time_zone = *patch.time_zone;
    HD_RETURN_IF_ERROR(tx.Users().Update(user));
    if (patch.mail_off) HD_RETURN_IF_ERROR(tx.Mail().SetOptOuts(actor.id, *patch.mail_off));
    HD_ASSIGN_OR_RETURN(auto off, tx.Mail().ListOptOuts(actor.id));
    view = View(std::move(user), std::move(off));
    return Ok();
  }));
  if (user_changed_) user_changed_(actor.id);
  return std::move(*view);
}

}  // namespace hd::service
