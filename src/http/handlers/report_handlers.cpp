// GET /api/v1/reports/sla: SLA figures as JSON or CSV.
#include <boost/json/value.hpp>
#include <cstdio>

#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace {

std::string Fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// RFC 4180: a field with a comma, quote or line break is quoted.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Response Csv(const std::string& by, const std::vector<service::SlaReportRow>& rows) {
  std::string body = by +
                     ",tickets,answered,avg_first_response_hours,max_first_response_hours,met,"
                     "missed,within_target\r\n";
  for (const auto& r : rows) {
    body += CsvField(r.key) + "," + std::to_string(r.tickets) + "," + std::to_string(r.answered) +
            "," + Fixed(r.avg_first_response_hours) + "," + Fixed(r.max_first_response_hours) +
            "," + std::to_string(r.met) + "," + std::to_string(r.missed) + "," +
            Fixed(r.within_target) + "\r\n";
  }
  Response response;
  response.status = 200;
  response.SetHeader("Content-Type", "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"sla-" + by + ".csv\"");
  response.body = std::move(body);
  return response;
}

}  // namespace

Result<Response> SlaReport(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  service::SlaReportInput in;
  in.from = std::string(params.Get("from").value_or(""));
  in.to = std::string(params.Get("to").value_or(""));
  in.by = std::string(params.Get("by").value_or("level"));
  const std::string format(params.Get("format").value_or("json"));
  if (format != "json" && format != "csv") {
    return Error::InvalidArgument("format must be json or csv", "format");
  }
  HD_ASSIGN_OR_RETURN(auto rows, context.services().reports.Sla(context.actor(), in));
  if (format == "csv") return Csv(in.by, rows);
  boost::json::array items;
  for (const auto& r : rows) {
    items.push_back(boost::json::object{
        {in.by, r.key},
        {"tickets", r.tickets},
        {"answered", r.answered},
        {"avg_first_response_hours", r.avg_first_response_hours},
        {"max_first_response_hours", r.max_first_response_hours},
        {"met", r.met},
        {"missed", r.missed},
        {"within_target", r.within_target},
    });
  }
  return Json(200,
              boost::json::object{
                  {"from", in.from}, {"to", in.to}, {"by", in.by}, {"items", std::move(items)}});
}

}  // namespace hd::http::handlers
