// Profile: what a signed-in person sets about themselves — the language and
// time zone of their mails (and the web app), and the kinds of mail they do
// not want. Thread-safe; blocking.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/user.hpp"
#include "service/actor.hpp"

namespace hd::service {

struct ProfileView {
  core::User user;
  std::string language;               // in force: the user's, else the default
  std::string time_zone;              // in force
  std::vector<std::string> mail_off;  // notification kinds not mailed
};

struct ProfilePatch {
  std::optional<std::string> name;
  std::optional<std::string> language;   // "ru", "en" or "" (the default)
  std::optional<std::string> time_zone;  // an IANA zone or "" (the default)
  std::optional<std::vector<std::string>> mail_off;
};

class Profile {
 public:
  Profile(core::ports::Store& store, std::string default_language, std::string default_time_zone)
      : store_(store),
        default_language_(std::move(default_language)),
        default_time_zone_(std::move(default_time_zone)) {}

  Result<ProfileView> Get(const Actor& actor);
  // kInvalidArgument naming "language", "time_zone", "name" or "mail_off".
  Result<ProfileView> Update(const Actor& actor, const ProfilePatch& patch);

  // The installation's defaults (mail.default_language, Europe/Moscow);
  // app/ sets them from the configuration before serving.
  const std::string& default_language() const { return default_language_; }
  const std::string& default_time_zone() const { return default_time_zone_; }
  // Called with the user after each change to a profile (services.hpp
  // drops the user's cached credentials with it). Set before serving.
  void OnUserChanged(std::function<void(core::UserId)> hook) { user_changed_ = std::move(hook); }
  void SetDefaults(std::string language, std::string time_zone) {
    default_language_ = std::move(language);
    default_time_zone_ = std::move(time_zone);
  }

 private:
  ProfileView View(core::User user, std::vector<std::string> mail_off) const;

  core::ports::Store& store_;
  std::string default_language_;
  std::string default_time_zone_;
  std::function<void(core::UserId)> user_changed_;
};

}  // namespace hd::service
