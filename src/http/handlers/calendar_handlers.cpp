// /api/v1/admin/calendars: the SLA calendars in force, and storing a calendar
// definition or holidays for one (JSON or text/calendar), for administrators.
#include <boost/json/value.hpp>

#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/multipart.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace {

boost::json::array Years(std::pair<int, int> range) {
  return boost::json::array{range.first, range.second};
}

// True for text/calendar, false for JSON (or no Content-Type); 415 otherwise.
Result<bool> IsIcsBody(const Request& request) {
  auto content_type = request.Header("Content-Type");
  if (!content_type) return false;
  auto parsed = ParseHeaderValue(*content_type);
  if (parsed.ok() && parsed->value == "text/calendar") return true;
  HD_RETURN_IF_ERROR(RequireJsonBody(request));
  return false;
}

}  // namespace

Result<Response> AdminCalendars(Context& context) {
  HD_ASSIGN_OR_RETURN(auto calendars, context.services().sla_levels.Calendars(context.actor()));
  boost::json::array items;
  for (const auto& c : calendars) {
    items.push_back(boost::json::object{{"id", c.id},
                                        {"title", c.title},
                                        {"time_zone", c.time_zone},
                                        {"years", Years(c.coverage)}});
  }
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> PutCalendar(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  service::CalendarUpload upload;
  upload.calendar_id = std::string(context.params.Get("id"));
  HD_ASSIGN_OR_RETURN(upload.ics, IsIcsBody(context.request));
  upload.content = context.request.body;
  upload.source = std::string(params.Get("source").value_or(""));
  if (upload.content.empty()) {
    return Error::InvalidArgument("send a calendar definition or holidays", "body");
  }
  HD_ASSIGN_OR_RETURN(auto out, context.services().sla_levels.PutCalendar(context.actor(), upload));
  boost::json::object body{
      {"calendar", out.calendar_id}, {"kind", out.kind}, {"years", Years(out.coverage)}};
  if (out.kind == "holidays") {
    body["source"] = out.source;
    boost::json::array added;
    for (int y : out.years) added.push_back(y);
    body["source_years"] = std::move(added);
  }
  return Json(200, body);
}

}  // namespace hd::http::handlers
