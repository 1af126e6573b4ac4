#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <exception>

#include "core/local_text.hpp"
#include "http/auth.hpp"
#include "http/event_stream.hpp"
#include "http/handlers/handler.hpp"
#include "http/problem.hpp"
#include "http/web/static_files.hpp"

namespace hd::http {

namespace {

using namespace handlers;  // NOLINT(google-build-using-namespace): the table below

// The route table. docs/openapi.yaml documents exactly these (checked by
// openapi_test.cpp).
constexpr std::array kRoutes = {
    RouteSpec{"POST", "/api/v1/auth/register", Access::kPublic, Register},
    RouteSpec{"POST", "/api/v1/auth/login", Access::kPublic, Login},
    RouteSpec{"POST", "/api/v1/auth/logout", Access::kPublic, Logout},
    RouteSpec{"POST", "/api/v1/auth/password", Access::kPublic, SetPassword},
    RouteSpec{"GET", "/api/v1/auth/session", Access::kPublic, Session},
    RouteSpec{"GET", "/api/v1/me", Access::kUser, Me},
    RouteSpec{"PATCH", "/api/v1/me", Access::kUser, PatchMe},
    RouteSpec{"POST", "/api/v1/tickets", Access::kUser, CreateTicket},
    RouteSpec{"GET", "/api/v1/tickets", Access::kUser, ListTickets},
    RouteSpec{"GET", "/api/v1/tickets/{id}", Access::kUser, GetTicket},
    RouteSpec{"PATCH", "/api/v1/tickets/{id}", Access::kUser, PatchTicket},
    RouteSpec{"GET", "/api/v1/events", Access::kUser, StreamEvents},
    RouteSpec{"GET", "/api/v1/tickets/{id}/sla", Access::kUser, TicketSla},
    RouteSpec{"GET", "/api/v1/levels", Access::kUser, Levels},
    RouteSpec{"GET", "/api/v1/me/coupons", Access::kUser, MyCoupons},
    RouteSpec{"GET", "/api/v1/me/views", Access::kUser, ListViews},
    RouteSpec{"POST", "/api/v1/me/views", Access::kUser, CreateView},
    RouteSpec{"DELETE", "/api/v1/me/views/{id}", Access::kUser, DeleteView},
    RouteSpec{"GET", "/api/v1/queues", Access::kUser, ListQueues},
    RouteSpec{"GET", "/api/v1/tickets/{id}/presence", Access::kUser, GetPresence},
    RouteSpec{"PUT", "/api/v1/tickets/{id}/presence", Access::kUser, AnnouncePresence},
    RouteSpec{"DELETE", "/api/v1/tickets/{id}/presence", Access::kUser, LeavePresence},
    RouteSpec{"GET", "/api/v1/tickets/{id}/replies", Access::kUser, ListCannedReplies},
    RouteSpec{"GET", "/api/v1/tickets/{id}/l1-hint", Access::kUser, GetL1Hint},
    RouteSpec{"GET", "/api/v1/reports/sla", Access::kUser, SlaReport},
    RouteSpec{"GET", "/api/v1/reports/intake", Access::kUser, IntakeReport},
    RouteSpec{"GET", "/api/v1/reports/compliance", Access::kUser, ComplianceReport},
    RouteSpec{"GET", "/api/v1/reports/breaches", Access::kUser, BreachesReport},
    RouteSpec{"GET", "/api/v1/reports/tiers", Access::kUser, TiersReport},
    RouteSpec{"GET", "/api/v1/reports/changes", Access::kUser, ChangesReport},
    RouteSpec{"GET", "/api/v1/reports/satisfaction", Access::kUser, SatisfactionReport},
    RouteSpec{"GET", "/api/v1/reports/l1-hints", Access::kUser, L1HintsReport},
    RouteSpec{"GET", "/api/v1/reports/workload", Access::kUser, WorkloadReport},
    RouteSpec{"GET", "/api/v1/reports/backlog", Access::kUser, BacklogReport},
    RouteSpec{"GET", "/api/v1/admin/licences", Access::kUser, ListLicences},
    RouteSpec{"POST", "/api/v1/admin/licences", Access::kUser, AddLicence},
    RouteSpec{"GET", "/api/v1/admin/partners", Access::kUser, ListPartners},
    RouteSpec{"POST", "/api/v1/admin/partners", Access::kUser, SetPartner},
    RouteSpec{"GET", "/api/v1/admin/coupons", Access::kUser, ListCoupons},
    RouteSpec{"POST", "/api/v1/admin/licences/{id}/renew", Access::kUser, RenewLicence},
    RouteSpec{"POST", "/api/v1/admin/licences/{id}/revoke", Access::kUser, RevokeLicence},
    RouteSpec{"POST", "/api/v1/admin/coupons/{code}/revoke", Access::kUser, RevokeCoupon},
    RouteSpec{"GET", "/api/v1/admin/categories", Access::kUser, AdminCategories},
    RouteSpec{"POST", "/api/v1/admin/categories", Access::kUser, AddCategory},
    RouteSpec{"PATCH", "/api/v1/admin/categories/{slug}", Access::kUser, UpdateCategory},
    RouteSpec{"POST", "/api/v1/admin/coupons", Access::kUser, IssueCoupon},
    RouteSpec{"GET", "/api/v1/admin/templates", Access::kUser, AdminTemplates},
    RouteSpec{"PUT", "/api/v1/admin/templates/{id}/{language}", Access::kUser, PutTemplate},
    RouteSpec{"DELETE", "/api/v1/admin/templates/{id}/{language}", Access::kUser, RevertTemplate},
    RouteSpec{"GET", "/api/v1/admin/levels", Access::kUser, AdminLevels},
    RouteSpec{"PUT", "/api/v1/admin/levels/{id}", Access::kUser, PutLevel},
    RouteSpec{"POST", "/api/v1/admin/levels/{id}/reapply", Access::kUser, ReapplyLevel},
    RouteSpec{"GET", "/api/v1/admin/calendars", Access::kUser, AdminCalendars},
    RouteSpec{"PUT", "/api/v1/admin/calendars/{id}", Access::kUser, PutCalendar},
    RouteSpec{"GET", "/api/v1/admin/calendars/{id}/years/{year}", Access::kUser, AdminCalendarYear},
    RouteSpec{"GET", "/api/v1/admin/users", Access::kUser, AdminUsers},
    RouteSpec{"POST", "/api/v1/admin/users", Access::kUser, InviteUser},
    RouteSpec{"GET", "/api/v1/admin/users/{id}", Access::kUser, AdminUser},
    RouteSpec{"PATCH", "/api/v1/admin/users/{id}", Access::kUser, PatchUser},
    RouteSpec{"POST", "/api/v1/admin/users/{id}/password-reset", Access::kUser, ResetUserPassword},
    RouteSpec{"POST", "/api/v1/admin/users/{id}/tokens", Access::kUser, CreateUserToken},
    RouteSpec{"GET", "/api/v1/admin/companies", Access::kUser, AdminCompanies},
    RouteSpec{"POST", "/api/v1/admin/companies", Access::kUser, AddCompany},
    RouteSpec{"PATCH", "/api/v1/admin/companies/{id}", Access::kUser, PatchCompany},
    RouteSpec{"GET", "/api/v1/admin/groups", Access::kUser, AdminGroups},
    RouteSpec{"POST", "/api/v1/admin/groups", Access::kUser, AddGroup},
    RouteSpec{"PATCH", "/api/v1/admin/groups/{id}", Access::kUser, PatchGroup},
    RouteSpec{"GET", "/api/v1/admin/audit", Access::kUser, AuditLog},
    RouteSpec{"GET", "/api/v1/admin/mail", Access::kUser, AdminMail},
    RouteSpec{"POST", "/api/v1/admin/mail/held/{id}/release", Access::kUser, ReleaseHeldMail},
    RouteSpec{"GET", "/api/v1/tickets/{id}/messages", Access::kUser, ListMessages},
    RouteSpec{"POST", "/api/v1/tickets/{id}/messages", Access::kUser, PostMessage},
    RouteSpec{"GET", "/api/v1/tickets/{id}/messages/{mid}/raw", Access::kUser, GetRawMessage},
    RouteSpec{"GET", "/api/v1/tickets/{id}/events", Access::kUser, ListEvents},
    RouteSpec{"GET", "/api/v1/tickets/{id}/feedback", Access::kUser, ListFeedback},
    RouteSpec{"POST", "/api/v1/tickets/{id}/feedback", Access::kUser, PostFeedback},
    RouteSpec{"GET", "/api/v1/tickets/{id}/transitions", Access::kUser, ListTransitions},
    RouteSpec{"POST", "/api/v1/tickets/{id}/transitions/{transition}", Access::kUser,
              FireTransition},
    RouteSpec{"GET", "/api/v1/tickets/{id}/process.svg", Access::kUser, TicketProcessSvg},
    RouteSpec{"GET", "/api/v1/processes", Access::kUser, ListProcessVersions},
    RouteSpec{"POST", "/api/v1/processes", Access::kUser, LoadProcessVersion},
    RouteSpec{"POST", "/api/v1/processes/check", Access::kUser, CheckProcessVersion},
    RouteSpec{"POST", "/api/v1/processes/{id}/migrations", Access::kUser, MigrateProcess},
    RouteSpec{"GET", "/api/v1/notifications", Access::kUser, ListNotifications},
    RouteSpec{"POST", "/api/v1/notifications/{id}/read", Access::kUser, ReadNotification},
    RouteSpec{"GET", "/api/v1/attachments/{id}", Access::kUser, GetAttachment},
    RouteSpec{"GET", "/api/v1/categories", Access::kPublic, Categories},
    RouteSpec{"GET", "/api/v1/groups", Access::kUser, Groups},
    RouteSpec{"GET", "/api/v1/users", Access::kUser, FindStaff},
    RouteSpec{"GET", "/api/v1/users/{id}", Access::kUser, GetUser},
    RouteSpec{"GET", "/healthz", Access::kPublic, Healthz},
    RouteSpec{"GET", "/readyz", Access::kPublic, Readyz},
    RouteSpec{"GET", "/metrics", Access::kPublic, MetricsText},
};

bool IsApiPath(std::string_view path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

Response Problem(const Error& error) {
  Response response = ProblemResponse(error);
  if (response.status == 401) response.SetHeader("WWW-Authenticate", "Bearer");
  return response;
}

// The web app's files for GET/HEAD outside /api/ (from web_root when one is
// set), else a 404 problem.
Response NoRoute(const HandlerEnv& env, const WebApp& web_app, const Request& request) {
  if ((request.method == "GET" || request.method == "HEAD") && !IsApiPath(request.path)) {
    if (env.options.web_root.empty()) {
      if (auto file = web_app.Serve(request)) return std::move(*file);
    } else if (auto file = ServeStatic(env.options.web_root, request.path); file.ok()) {
      file->route = "static";
      return std::move(file).value();
    }
  }
  Response response = ProblemResponse(404, "not-found", "no route for this path");
  response.route = "unmatched";
  return response;
}

}  // namespace

service::Actor Context::actor() const {
  service::Actor actor = service::Actor::From(principal->user);
  actor.language = Language();
  if (actor.time_zone.empty()) actor.time_zone = services().profile.default_time_zone();
  return actor;
}

std::string Context::Language() const {
  if (principal != nullptr && core::IsKnownLanguage(principal->user.language)) {
    return principal->user.language;
  }
  return core::PreferredLanguage(request.Header("Accept-Language").value_or(""),
                                 services().profile.default_language());
}

Result<std::int64_t> IdParam(const Context& context, std::string_view name) {
  std::string_view text = context.params.Get(name);
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || value > (INT64_MAX - 9) / 10) return Error::NotFound("no such id");
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return Error::NotFound("no such id");
  return value;
}

Api::Api(service::Services& services, ApiOptions options, Metrics& metrics)
    : env_(std::make_unique<HandlerEnv>(
          HandlerEnv{services, std::move(options), metrics, draining_})),
      web_app_(env_->options.web_app) {
  for (std::size_t i = 0; i < kRoutes.size(); ++i) {
    router_.Add(std::string(kRoutes[i].method), std::string(kRoutes[i].pattern),
                static_cast<int>(i));
  }
}

Api::~Api() = default;

std::vector<std::pair<std::string, std::string>> Api::RouteTable() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const RouteSpec& route : kRoutes) {
    out.emplace_back(std::string(route.method), std::string(route.pattern));
  }
  return out;
}

Response Api::Handle(const Request& request) const {
  try {
    return Dispatch(request);
  } catch (const std::exception& e) {
    spdlog::error("request_id={} path={} unhandled exception: {}", request.id, request.path,
                  e.what());
  } catch (...) {
    spdlog::error("request_id={} path={} unhandled non-standard exception", request.id,
                  request.path);
  }
  Response response = ProblemResponse(Error::Internal("internal error"));
  response.route = "error";
  return response;
}

Response Api::Dispatch(const Request& request) const {
  RouteMatch match = router_.Match(request.method, request.path);
  if (match.kind == RouteMatch::Kind::kNotFound) return NoRoute(*env_, web_app_, request);
  if (match.kind == RouteMatch::Kind::kMethodNotAllowed) {
    Response response = ProblemResponse(405, "method-not-allowed",
                                        request.method + " is not allowed on " + match.pattern);
    response.SetHeader("Allow", match.allow);
    response.route = match.pattern;
    return response;
  }
  const RouteSpec& spec = kRoutes[static_cast<std::size_t>(match.handler)];
  std::optional<service::Principal> principal;
  Response response;
  if (spec.access == Access::kUser) {
    auto who = Authenticate(env_->services.accounts, request);
    Status csrf = who.ok() ? CheckCsrf(request, *who) : Status(who.error());
    if (!csrf.ok()) {
      response = Problem(csrf.error());
      response.route = match.pattern;
      return response;
    }
    principal = std::move(who).value();
  }
  Context context{*env_, request, match.params, principal ? &*principal : nullptr};
  Result<Response> result = spec.handler(context);
  response = result.ok() ? std::move(result).value() : Problem(result.error());
  response.route = match.pattern;
  return response;
}

}  // namespace hd::http
