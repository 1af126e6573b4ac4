// GET /api/v1/reports/...: how support is doing, as JSON or CSV. Every
// report takes the same period (from, to: dates in the viewer's time zone)
// and filters (level, category, group, company).
#include <boost/json/value.hpp>
#include <cstdint>
#include <cstdio>

#include "http/handlers/common.hpp"
#include "http/handlers/formats.hpp"
#include "http/handlers/handler.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace bj = boost::json;

namespace {

std::string Fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

struct Format {
  bool csv = false;
};

Result<Format> FormatOf(const QueryParams& params) {
  const std::string_view format = params.Get("format").value_or("json");
  if (format != "json" && format != "csv") {
    return Error::InvalidArgument("format must be json or csv", "format");
  }
  return Format{format == "csv"};
}

Result<service::ReportInput> InputOf(const QueryParams& params) {
  service::ReportInput in;
  in.from = std::string(params.Get("from").value_or(""));
  in.to = std::string(params.Get("to").value_or(""));
  std::string_view levels = params.Get("level").value_or("");
  while (!levels.empty()) {
    const std::size_t comma = levels.find(',');
    const std::string_view level = levels.substr(0, comma);
    levels = comma == std::string_view::npos ? std::string_view() : levels.substr(comma + 1);
    if (!level.empty()) in.levels.emplace_back(level);
  }
  in.category = std::string(params.Get("category").value_or(""));
  for (const char* name : {"group", "company"}) {
    auto text = params.Get(name);
    if (!text || text->empty()) continue;
    HD_ASSIGN_OR_RETURN(std::int64_t id, ParseIntParam(*text, name, 1, INT64_MAX));
    (std::string_view(name) == "group" ? in.group : in.company) = id;
  }
  return in;
}

bj::object DurationJson(const service::DurationSummary& d) {
  return bj::object{{"count", d.count},
                    {"avg_hours", d.avg_hours},
                    {"median_hours", d.median_hours},
                    {"p90_hours", d.p90_hours},
                    {"max_hours", d.max_hours},
                    {"met", d.met},
                    {"missed", d.missed},
                    {"within_target", d.within_target}};
}

std::string DurationCsv(const service::DurationSummary& d) {
  return std::to_string(d.count) + "," + Fixed(d.avg_hours) + "," + Fixed(d.median_hours) + "," +
         Fixed(d.p90_hours) + "," + Fixed(d.max_hours) + "," + std::to_string(d.met) + "," +
         std::to_string(d.missed) + "," + Fixed(d.within_target);
}

// The row's value under the name of its grouping: the level's id, the
// tier, or the agent's e-mail ("" for tickets nobody answered).
std::string ByValue(const service::SlaReportRow& r, const std::string& by) {
  return by == "agent" ? r.label : r.key;
}

Response SlaCsv(const std::string& by, const std::vector<service::SlaReportRow>& rows) {
  std::string body = by +
                     ",tickets,answered,avg_first_response_hours,median_first_response_hours,"
                     "p90_first_response_hours,max_first_response_hours,met,missed,"
                     "within_target,resolved,avg_resolution_hours,median_resolution_hours,"
                     "p90_resolution_hours,max_resolution_hours,resolution_met,"
                     "resolution_missed,resolution_within_target,label,calendar\r\n";
  for (const auto& r : rows) {
    body += CsvField(ByValue(r, by)) + "," + std::to_string(r.tickets) + "," +
            DurationCsv(r.first_response) + "," + DurationCsv(r.resolution) + "," +
            CsvField(r.label) + "," + CsvField(r.calendar) + "\r\n";
  }
  return CsvResponse(std::move(body), "sla-" + by);
}

}  // namespace

Result<Response> SlaReport(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(Format format, FormatOf(params));
  HD_ASSIGN_OR_RETURN(service::ReportInput in, InputOf(params));
  const std::string by(params.Get("by").value_or("level"));
  HD_ASSIGN_OR_RETURN(auto rows, context.services().reports.Sla(context.actor(), in, by));
  if (format.csv) return SlaCsv(by, rows);
  bj::array items;
  for (const auto& r : rows) {
    items.push_back(bj::object{
        {by, ByValue(r, by)},
        {"key", r.key},
        {"label", r.label},
        {"calendar", r.calendar},
        {"tickets", r.tickets},
        {"answered", r.first_response.count},
        {"avg_first_response_hours", r.first_response.avg_hours},
        {"max_first_response_hours", r.first_response.max_hours},
        {"met", r.first_response.met},
        {"missed", r.first_response.missed},
        {"within_target", r.first_response.within_target},
        {"first_response", DurationJson(r.first_response)},
        {"resolution", DurationJson(r.resolution)},
    });
  }
  return Json(200, bj::object{{"from", in.from},
                              {"to", in.to},
                              {"by", by},
                              {"time_zone", context.actor().time_zone},
                              {"items", std::move(items)}});
}

Result<Response> IntakeReport(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(Format format, FormatOf(params));
  HD_ASSIGN_OR_RETURN(service::ReportInput in, InputOf(params));
  const std::string period(params.Get("period").value_or("day"));
  const std::string by(params.Get("by").value_or("none"));
  HD_ASSIGN_OR_RETURN(auto report,
                      context.services().reports.Intake(context.actor(), in, period, by));
  if (format.csv) {
    std::string body = period + "," + by + ",tickets\r\n";
    for (const auto& r : report.rows) {
      body += r.period + "," + CsvField(r.key) + "," + std::to_string(r.tickets) + "\r\n";
    }
    return CsvResponse(std::move(body), "intake-" + period + "-" + by);
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{{"period", r.period}, {"key", r.key}, {"tickets", r.tickets}});
  }
  return Json(200, bj::object{{"from", in.from},
                              {"to", in.to},
                              {"period", period},
                              {"by", by},
                              {"time_zone", report.time_zone},
                              {"items", std::move(items)}});
}

}  // namespace hd::http::handlers
