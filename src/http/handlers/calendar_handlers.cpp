// /api/v1/admin/calendars: the SLA calendars in force, a year of one day by
// day, and storing (or trying, dry_run) a calendar definition or holidays
// for one (JSON or text/calendar), for administrators.
#include <boost/json/value.hpp>

#include "core/licence.hpp"
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

boost::json::array Runs(const std::vector<std::pair<int, int>>& runs) {
  boost::json::array out;
  for (const auto& run : runs) out.push_back(Years(run));
  return out;
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

std::string DayKindText(sla::DayKind kind) {
  switch (kind) {
    case sla::DayKind::kWorking:
      return "working";
    case sla::DayKind::kWeekend:
      return "weekend";
    case sla::DayKind::kHoliday:
      return "holiday";
  }
  return "working";
}

double Hours(std::chrono::seconds s) { return static_cast<double>(s.count()) / 3600.0; }

boost::json::object DayJson(const service::CalendarDayInfo& day, bool with_date) {
  boost::json::object out{{"kind", DayKindText(day.kind)},
                          {"transferred", day.transferred},
                          {"short", day.short_day},
                          {"hours", Hours(day.hours)}};
  if (with_date) out["date"] = core::FormatDate(day.date);
  return out;
}

}  // namespace

Result<Response> AdminCalendars(Context& context) {
  HD_ASSIGN_OR_RETURN(auto calendars, context.services().sla_levels.Calendars(context.actor()));
  boost::json::array items;
  for (const auto& c : calendars) {
    items.push_back(boost::json::object{{"id", c.id},
                                        {"title", c.title},
                                        {"time_zone", c.time_zone},
                                        {"years", Years(c.coverage)},
                                        {"covered", Runs(c.covered)},
                                        {"in_use", c.in_use}});
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
  HD_ASSIGN_OR_RETURN(upload.dry_run, ParseFormBool(params.Get("dry_run").value_or(""), "dry_run"));
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
  body["stored"] = out.stored;
  boost::json::array changes;
  for (const auto& change : out.changes) {
    boost::json::value before = nullptr;
    if (change.before) before = DayJson(*change.before, false);
    changes.push_back(boost::json::object{{"date", core::FormatDate(change.after.date)},
                                          {"before", std::move(before)},
                                          {"after", DayJson(change.after, false)}});
  }
  body["changes"] = std::move(changes);
  return Json(200, body);
}

Result<Response> AdminCalendarYear(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t year,
                      ParseIntParam(context.params.Get("year"), "year", 1970, 2199));
  HD_ASSIGN_OR_RETURN(auto out, context.services().sla_levels.YearOf(
                                    context.actor(), std::string(context.params.Get("id")),
                                    static_cast<int>(year)));
  boost::json::array days;
  std::int64_t working_days = 0;
  std::chrono::seconds working{0};
  for (const auto& day : out.days) {
    if (day.hours.count() > 0) ++working_days;
    working += day.hours;
    days.push_back(DayJson(day, true));
  }
  return Json(200, boost::json::object{{"calendar", out.calendar_id},
                                       {"title", out.title},
                                       {"time_zone", out.time_zone},
                                       {"year", out.year},
                                       {"covered", out.covered},
                                       {"working_days", working_days},
                                       {"working_hours", Hours(working)},
                                       {"days", std::move(days)}});
}

}  // namespace hd::http::handlers
