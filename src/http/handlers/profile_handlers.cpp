// GET and PATCH /api/v1/me: the caller's account, their session's CSRF token
// and their profile (language, time zone, mail they do not want).
#include <boost/json/value_from.hpp>

#include "http/auth.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/json/encode_mail.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

namespace {

// Keeps absurd input out; the use case allows far fewer kinds.
constexpr std::size_t kMaxMailOffItems = 1000;

// {user, csrf_token (cookie sessions only), profile, level (customers: the
// level of their next ticket; null for staff)}. The user comes from
// the profile's read, so a PATCH shows at once what it changed.
Result<Response> MeResponse(const Context& context, const service::ProfileView& view,
                            bool with_signed_in = false) {
  HD_ASSIGN_OR_RETURN(auto level, context.services().sla_levels.LevelOf(context.actor()));
  boost::json::object body{
      {"user", boost::json::value_from(view.user)},
      {"profile", json::ProfileJson(view)},
  };
  if (with_signed_in) body["signed_in"] = true;
  if (level) {
    body["level"] =
        boost::json::object{{"id", level->id}, {"title", level->title}, {"reason", level->reason}};
  } else {
    body["level"] = nullptr;
  }
  if (context.principal->via_session) body["csrf_token"] = context.principal->csrf_token;
  Response response = Json(200, body);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// {name?, language?, time_zone?, mail_off?}; null or absent leaves a field
// as it is. Unknown members are refused naming the member.
Result<service::ProfilePatch> DecodeProfilePatch(const Request& request) {
  HD_RETURN_IF_ERROR(RequireJsonBody(request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(request.body));
  service::ProfilePatch patch;
  HD_ASSIGN_OR_RETURN(patch.name, body.OptionalString("name"));
  HD_ASSIGN_OR_RETURN(patch.language, body.OptionalString("language"));
  HD_ASSIGN_OR_RETURN(patch.time_zone, body.OptionalString("time_zone"));
  HD_ASSIGN_OR_RETURN(patch.mail_off, body.OptionalStringList("mail_off", kMaxMailOffItems));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  return patch;
}

}  // namespace

Result<Response> Me(Context& context) {
  HD_ASSIGN_OR_RETURN(auto view, context.services().profile.Get(context.actor()));
  return MeResponse(context, view);
}

// GET /api/v1/auth/session: like /me for a signed-in caller, else 200
// {signed_in: false}, so that a page loaded signed out asks without an error.
Result<Response> Session(Context& context) {
  auto principal = Authenticate(context.services().accounts, context.request);
  if (!principal.ok()) {
    if (principal.error().code != ErrorCode::kUnauthenticated) {
      return std::move(principal).error();
    }
    Response response = Json(200, boost::json::object{{"signed_in", false}});
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }
  Context signed_in{context.env, context.request, context.params, &*principal};
  HD_ASSIGN_OR_RETURN(auto view, context.services().profile.Get(signed_in.actor()));
  return MeResponse(signed_in, view, true);
}

Result<Response> PatchMe(Context& context) {
  HD_ASSIGN_OR_RETURN(auto patch, DecodeProfilePatch(context.request));
  HD_ASSIGN_OR_RETURN(auto view, context.services().profile.Update(context.actor(), patch));
  return MeResponse(context, view);
}

}  // namespace hd::http::handlers
