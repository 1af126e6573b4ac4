// What every route handler sees: the use cases, the request with its path
// parameters, and the authenticated caller. Internal to http/. A handler
// decodes its input, calls one use case and encodes the result; errors it
// returns become problem+json in Api.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "http/api.hpp"
#include "http/csv_download.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "service/accounts.hpp"
#include "service/actor.hpp"
#include "service/services.hpp"

namespace hd::http {

struct HandlerEnv {
  service::Services& services;
  ApiOptions options;
  Metrics& metrics;
  const std::atomic<bool>& draining;
  // CSV files streamed while they are read; ended with the API.
  std::unique_ptr<CsvDownloads> downloads = std::make_unique<CsvDownloads>();
};

struct Context {
  const HandlerEnv& env;
  const Request& request;
  const PathParams& params;
  const service::Principal* principal;  // set on routes that need a user

  service::Services& services() const { return env.services; }
  // The caller, with the language texts are given in (Language()).
  service::Actor actor() const;
  // The language of texts for people in the answer: the user's own, else
  // the best of Accept-Language the product speaks, else the
  // installation's default.
  std::string Language() const;
};

using HandlerFn = Result<Response> (*)(Context&);

// Who may call a route.
enum class Access {
  kPublic,  // anyone; no credentials looked at
  kUser,    // an authenticated user (401 otherwise); CSRF rule applies
};

struct RouteSpec {
  std::string_view method;
  std::string_view pattern;
  Access access;
  HandlerFn handler;
};

// Path parameter `name` as a positive id; kNotFound when it is not one (no
// such resource can exist).
Result<std::int64_t> IdParam(const Context& context, std::string_view name);

namespace handlers {
// auth_handlers.cpp
Result<Response> Register(Context& context);
Result<Response> Login(Context& context);
Result<Response> Logout(Context& context);
Result<Response> SetPassword(Context& context);
// profile_handlers.cpp
Result<Response> Me(Context& context);
Result<Response> PatchMe(Context& context);
// mail_handlers.cpp
Result<Response> GetRawMessage(Context& context);
Result<Response> AdminMail(Context& context);
Result<Response> ReleaseHeldMail(Context& context);
// ticket_handlers.cpp
Result<Response> CreateTicket(Context& context);
Result<Response> ListTickets(Context& context);
Result<Response> GetTicket(Context& context);
Result<Response> PatchTicket(Context& context);
// sla_handlers.cpp
Result<Response> TicketSla(Context& context);
Result<Response> Levels(Context& context);
Result<Response> MyCoupons(Context& context);
// report_handlers.cpp
Result<Response> SlaReport(Context& context);
Result<Response> IntakeReport(Context& context);
Result<Response> ComplianceReport(Context& context);
Result<Response> BreachesReport(Context& context);
Result<Response> TiersReport(Context& context);
Result<Response> ChangesReport(Context& context);
Result<Response> L1HintsReport(Context& context);
Result<Response> SatisfactionReport(Context& context);
Result<Response> WorkloadReport(Context& context);
Result<Response> BacklogReport(Context& context);
// admin_handlers.cpp
Result<Response> ListLicences(Context& context);
Result<Response> AddLicence(Context& context);
Result<Response> ListPartners(Context& context);
Result<Response> SetPartner(Context& context);
Result<Response> ListCoupons(Context& context);
Result<Response> RenewLicence(Context& context);
Result<Response> RevokeLicence(Context& context);
Result<Response> RevokeCoupon(Context& context);
Result<Response> AdminCategories(Context& context);
Result<Response> AddCategory(Context& context);
Result<Response> UpdateCategory(Context& context);
Result<Response> AdminTemplates(Context& context);
Result<Response> PutTemplate(Context& context);
Result<Response> RevertTemplate(Context& context);
Result<Response> IssueCoupon(Context& context);
Result<Response> AdminLevels(Context& context);
Result<Response> PutLevel(Context& context);
Result<Response> ReapplyLevel(Context& context);
// calendar_handlers.cpp
Result<Response> AdminCalendars(Context& context);
Result<Response> PutCalendar(Context& context);
Result<Response> AdminCalendarYear(Context& context);
// people_handlers.cpp
Result<Response> AdminUsers(Context& context);
Result<Response> AdminUser(Context& context);
Result<Response> InviteUser(Context& context);
Result<Response> PatchUser(Context& context);
Result<Response> ResetUserPassword(Context& context);
Result<Response> CreateUserToken(Context& context);
Result<Response> AdminCompanies(Context& context);
Result<Response> AddCompany(Context& context);
Result<Response> PatchCompany(Context& context);
Result<Response> AdminGroups(Context& context);
Result<Response> AddGroup(Context& context);
Result<Response> PatchGroup(Context& context);
Result<Response> AuditLog(Context& context);
// conversation_handlers.cpp
Result<Response> ListMessages(Context& context);
Result<Response> PostMessage(Context& context);
Result<Response> ListEvents(Context& context);
Result<Response> ListFeedback(Context& context);
Result<Response> PostFeedback(Context& context);
Result<Response> GetAttachment(Context& context);
// directory_handlers.cpp
Result<Response> Categories(Context& context);
Result<Response> Groups(Context& context);
Result<Response> GetUser(Context& context);
Result<Response> FindStaff(Context& context);
Result<Response> Session(Context& context);
// process_handlers.cpp
Result<Response> ListTransitions(Context& context);
Result<Response> FireTransition(Context& context);
Result<Response> TicketProcessSvg(Context& context);
Result<Response> ListProcessVersions(Context& context);
Result<Response> LoadProcessVersion(Context& context);
Result<Response> CheckProcessVersion(Context& context);
Result<Response> MigrateProcess(Context& context);
// desk_handlers.cpp
Result<Response> ListQueues(Context& context);
Result<Response> GetPresence(Context& context);
Result<Response> AnnouncePresence(Context& context);
Result<Response> LeavePresence(Context& context);
Result<Response> ListCannedReplies(Context& context);
Result<Response> GetL1Hint(Context& context);
Result<Response> ListViews(Context& context);
Result<Response> CreateView(Context& context);
Result<Response> DeleteView(Context& context);
// notification_handlers.cpp
Result<Response> ListNotifications(Context& context);
Result<Response> ReadNotification(Context& context);
// ops_handlers.cpp
Result<Response> Healthz(Context& context);
Result<Response> Readyz(Context& context);
Result<Response> MetricsText(Context& context);
}  // namespace handlers

}  // namespace hd::http
