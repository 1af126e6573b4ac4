// POST /auth/register, /auth/login, /auth/logout and /auth/password.
#include <boost/json/value_from.hpp>

#include "http/auth.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

namespace {

// {user, csrf_token} with the session cookie.
Response GrantResponse(const Context& context, int status, const service::SessionGrant& grant) {
  Response response = Json(status, boost::json::object{
                                       {"user", boost::json::value_from(grant.user)},
                                       {"csrf_token", grant.csrf_token},
                                   });
  response.SetHeader("Set-Cookie", SessionCookie(grant.session_token, grant.expires_at,
                                                 context.env.options.secure_cookies));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace

Result<Response> Register(Context& context) {
  HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
  service::RegisterInput input;
  HD_ASSIGN_OR_RETURN(input.email, body.RequiredString("email"));
  HD_ASSIGN_OR_RETURN(input.password, body.RequiredString("password"));
  HD_ASSIGN_OR_RETURN(input.name, body.RequiredString("name"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  input.client_key = context.request.remote_address;
  input.language =
      core::PreferredLanguage(context.request.Header("Accept-Language").value_or(""), "");
  HD_ASSIGN_OR_RETURN(auto grant, context.services().accounts.Register(input));
  return GrantResponse(context, 201, grant);
}

Result<Response> Login(Context& context) {
  HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
  HD_ASSIGN_OR_RETURN(std::string email, body.RequiredString("email"));
  HD_ASSIGN_OR_RETURN(std::string password, body.RequiredString("password"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto grant, context.services().accounts.Login(
                                      email, password, context.request.remote_address));
  return GrantResponse(context, 200, grant);
}

// Ends the cookie session, if any, and clears the cookie. A valid session
// must show its CSRF token so other sites cannot log a user out; a request
// without a valid session just gets the cookie cleared.
Result<Response> Logout(Context& context) {
  Credentials credentials = ExtractCredentials(context.request);
  auto& accounts = context.services().accounts;
  if (credentials.kind == Credentials::Kind::kSession) {
    auto principal = accounts.AuthenticateSession(credentials.token);
    if (principal.ok()) {
      HD_RETURN_IF_ERROR(CheckCsrf(context.request, *principal));
      HD_RETURN_IF_ERROR(accounts.Logout(credentials.token));
    }
  }
  Response response;
  response.status = 204;
  response.SetHeader("Set-Cookie", ClearedSessionCookie(context.env.options.secure_cookies));
  return response;
}

// The password link of an account made from an e-mail: sets the password
// and logs in, as Login does. 401 for a link unknown, used or expired.
Result<Response> SetPassword(Context& context) {
  HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
  HD_ASSIGN_OR_RETURN(std::string token, body.RequiredString("token"));
  HD_ASSIGN_OR_RETURN(std::string password, body.RequiredString("password"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto grant,
                      context.services().accounts.SetPasswordWithToken(token, password));
  return GrantResponse(context, 200, grant);
}

}  // namespace hd::http::handlers
