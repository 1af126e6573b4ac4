// GET /api/v1/reports/...: how support is doing, as JSON or CSV. Every
// report takes the same period (from, to: dates in the viewer's time zone)
// and filters (level, category, group, company).
#include <boost/json/value.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

#include "http/handlers/common.hpp"
#include "http/handlers/formats.hpp"
#include "http/handlers/handler.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"
#include "service/reports/reports.hpp"

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
    std::string body = period + "," + by + ",tickets,label\r\n";
    for (const auto& r : report.rows) {
      body += r.period + "," + CsvField(r.key) + "," + std::to_string(r.tickets) + "," +
              CsvField(r.label) + "\r\n";
    }
    return CsvResponse(std::move(body), "intake-" + period + "-" + by);
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{
        {"period", r.period}, {"key", r.key}, {"label", r.label}, {"tickets", r.tickets}});
  }
  return Json(200, bj::object{{"from", in.from},
                              {"to", in.to},
                              {"period", period},
                              {"by", by},
                              {"time_zone", report.time_zone},
                              {"items", std::move(items)}});
}

namespace {

// The answer's head every report shares: its period and the zone it was read in.
bj::object Head(const service::ReportInput& in, const std::string& time_zone) {
  return bj::object{{"from", in.from}, {"to", in.to}, {"time_zone", time_zone}};
}

bj::object ComplianceJson(const service::ComplianceSummary& c) {
  return bj::object{{"met", c.met}, {"missed", c.missed}, {"within_target", c.within_target}};
}

std::string ComplianceCsv(const service::ComplianceSummary& c) {
  return std::to_string(c.met) + "," + std::to_string(c.missed) + "," + Fixed(c.within_target);
}

bj::object TicketJson(core::TicketId id, std::int64_t number, const std::string& subject) {
  return bj::object{{"id", id.value}, {"number", number}, {"subject", subject}};
}

// A report's input and format, read from the query.
struct ReportQuery {
  QueryParams params;
  Format format;
  service::ReportInput in;
};

Result<ReportQuery> ReportQueryOf(const Context& context) {
  ReportQuery q;
  HD_ASSIGN_OR_RETURN(q.params, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(q.format, FormatOf(q.params));
  HD_ASSIGN_OR_RETURN(q.in, InputOf(q.params));
  return q;
}

std::string BreachCsvLine(const service::BreachRow& r) {
  return std::to_string(r.number) + "," + CsvField(r.subject) + "," + CsvField(r.level) + "," +
         r.target + "," + core::FormatIso8601(r.due) + "," +
         (r.done_at ? core::FormatIso8601(*r.done_at) : std::string()) + "," + Fixed(r.late_hours) +
         "\r\n";
}

}  // namespace

Result<Response> ComplianceReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  const std::string period(q.params.Get("period").value_or("day"));
  HD_ASSIGN_OR_RETURN(auto report,
                      context.services().reports.Compliance(context.actor(), q.in, period));
  if (q.format.csv) {
    std::string body =
        period +
        ",tickets,first_response_met,first_response_missed,first_response_within_target,"
        "resolution_met,resolution_missed,resolution_within_target\r\n";
    for (const auto& r : report.rows) {
      body += r.period + "," + std::to_string(r.tickets) + "," + ComplianceCsv(r.first_response) +
              "," + ComplianceCsv(r.resolution) + "\r\n";
    }
    return CsvResponse(std::move(body), "compliance-" + period);
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{{"period", r.period},
                               {"tickets", r.tickets},
                               {"first_response", ComplianceJson(r.first_response)},
                               {"resolution", ComplianceJson(r.resolution)}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["period"] = period;
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

Result<Response> BreachesReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  const std::string target(q.params.Get("target").value_or("any"));
  auto& reports = context.services().reports;
  if (q.format.csv) {
    // Every row, read a page at a time while the file is sent.
    auto page_at = [&reports, actor = context.actor(), in = q.in,
                    target](std::string& cursor) -> Result<std::string> {
      HD_ASSIGN_OR_RETURN(auto page, reports.Breaches(actor, in, target, cursor, 500));
      std::string lines;
      for (const auto& r : page.rows) lines += BreachCsvLine(r);
      cursor = std::move(page.next);
      return lines;
    };
    std::string cursor;
    HD_ASSIGN_OR_RETURN(std::string first, page_at(cursor));
    return context.env.downloads->Start(
        "breaches-" + target, "number,subject,level,target,due,done_at,late_hours\r\n" + first,
        std::move(cursor), std::move(page_at));
  }
  std::int64_t limit = 50;
  if (auto text = q.params.Get("limit")) {
    HD_ASSIGN_OR_RETURN(limit, ParseIntParam(*text, "limit", 1, 500));
  }
  const std::string cursor(q.params.Get("cursor").value_or(""));
  HD_ASSIGN_OR_RETURN(
      auto page, reports.Breaches(context.actor(), q.in, target, cursor, static_cast<int>(limit)));
  bj::array items;
  for (const auto& r : page.rows) {
    items.push_back(bj::object{
        {"ticket", TicketJson(r.ticket, r.number, r.subject)},
        {"level", r.level},
        {"target", r.target},
        {"due", core::FormatIso8601(r.due)},
        {"done_at", r.done_at ? bj::value(core::FormatIso8601(*r.done_at)) : bj::value(nullptr)},
        {"late_hours", r.late_hours}});
  }
  return Json(200,
              bj::object{{"items", std::move(items)},
                         {"next", page.next.empty() ? bj::value(nullptr) : bj::value(page.next)}});
}

Result<Response> TiersReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  HD_ASSIGN_OR_RETURN(auto report, context.services().reports.Tiers(context.actor(), q.in));
  if (q.format.csv) {
    std::string body = "tier,tickets,open,solved,solved_share\r\n";
    for (const auto& r : report.rows) {
      body += std::to_string(r.tier) + "," + std::to_string(r.tickets) + "," +
              std::to_string(r.open) + "," + std::to_string(r.solved) + "," +
              Fixed(r.solved_share) + "\r\n";
    }
    return CsvResponse(std::move(body), "tiers");
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{{"tier", r.tier},
                               {"tickets", r.tickets},
                               {"open", r.open},
                               {"solved", r.solved},
                               {"solved_share", r.solved_share}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["tickets"] = report.tickets;
  out["escalated"] = report.escalated;
  out["escalation_rate"] = report.escalation_rate;
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

Result<Response> L1HintsReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  HD_ASSIGN_OR_RETURN(auto report, context.services().reports.L1Hints(context.actor(), q.in));
  if (q.format.csv) {
    std::string body = "source,proposed_class,label,proposed,decided,accepted,accepted_share\r\n";
    for (const auto& r : report.rows) {
      body += CsvField(r.counts.source) + "," + CsvField(r.counts.proposed_class) + "," +
              CsvField(r.label) + "," + std::to_string(r.counts.proposed) + "," +
              std::to_string(r.counts.decided) + "," + std::to_string(r.counts.accepted) + "," +
              Fixed(r.accepted_share) + "\r\n";
    }
    return CsvResponse(std::move(body), "l1-hints");
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{{"source", r.counts.source},
                               {"proposed_class", r.counts.proposed_class},
                               {"label", r.label},
                               {"proposed", r.counts.proposed},
                               {"decided", r.counts.decided},
                               {"accepted", r.counts.accepted},
                               {"accepted_share", r.accepted_share}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["proposed"] = report.proposed;
  out["decided"] = report.decided;
  out["accepted"] = report.accepted;
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

Result<Response> ChangesReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  HD_ASSIGN_OR_RETURN(auto report, context.services().reports.Changes(context.actor(), q.in));
  if (q.format.csv) {
    std::string body = "decision,state,label,tickets\r\n";
    for (const auto& r : report.rows) {
      body += r.decision + "," + CsvField(r.state) + "," + CsvField(r.label) + "," +
              std::to_string(r.tickets) + "\r\n";
    }
    return CsvResponse(std::move(body), "changes");
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{
        {"decision", r.decision}, {"state", r.state}, {"label", r.label}, {"tickets", r.tickets}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["tickets"] = report.tickets;
  out["approved"] = report.approved;
  out["rejected"] = report.rejected;
  out["pending"] = report.pending;
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

Result<Response> SatisfactionReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  HD_ASSIGN_OR_RETURN(auto report, context.services().reports.Satisfaction(context.actor(), q.in));
  if (q.format.csv) {
    std::string body = "rating,count\r\n";
    for (int rating = 1; rating <= 5; ++rating) {
      body +=
          std::to_string(rating) + "," + std::to_string(report.distribution[rating - 1]) + "\r\n";
    }
    return CsvResponse(std::move(body), "satisfaction");
  }
  bj::array distribution;
  for (int rating = 1; rating <= 5; ++rating) {
    distribution.push_back(
        bj::object{{"rating", rating}, {"count", report.distribution[rating - 1]}});
  }
  bj::array low;
  for (const auto& r : report.low) {
    low.push_back(bj::object{{"ticket", TicketJson(r.ticket, r.number, r.subject)},
                             {"rating", r.rating},
                             {"comment", r.comment},
                             {"at", core::FormatIso8601(r.at)}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["ratings"] = report.ratings;
  out["average"] = report.average;
  out["distribution"] = std::move(distribution);
  out["low"] = std::move(low);
  return Json(200, std::move(out));
}

Result<Response> BacklogReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  const std::string period(q.params.Get("period").value_or("day"));
  const std::string by(q.params.Get("by").value_or("status"));
  HD_ASSIGN_OR_RETURN(auto report,
                      context.services().reports.Backlog(context.actor(), q.in, period, by));
  if (q.format.csv) {
    std::string body = "period,day," + by + ",label,tickets\r\n";
    for (const auto& r : report.rows) {
      body += r.period + "," + r.day + "," + CsvField(r.key) + "," + CsvField(r.label) + "," +
              std::to_string(r.tickets) + "\r\n";
    }
    return CsvResponse(std::move(body), "backlog-" + period + "-" + by);
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{{"period", r.period},
                               {"day", r.day},
                               {"key", r.key},
                               {"label", r.label},
                               {"tickets", r.tickets}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["period"] = period;
  out["by"] = by;
  out["history_from"] =
      report.history_from.empty() ? bj::value(nullptr) : bj::value(report.history_from);
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

Result<Response> WorkloadReport(Context& context) {
  HD_ASSIGN_OR_RETURN(ReportQuery q, ReportQueryOf(context));
  HD_ASSIGN_OR_RETURN(auto report, context.services().reports.Workload(context.actor(), q.in));
  if (q.format.csv) {
    std::string body =
        "agent,name,assigned,open,first_responses,median_first_response_hours,replies\r\n";
    for (const auto& r : report.rows) {
      body += CsvField(r.email) + "," + CsvField(r.name) + "," + std::to_string(r.assigned) + "," +
              std::to_string(r.open) + "," + std::to_string(r.first_responses) + "," +
              Fixed(r.median_first_response_hours) + "," + std::to_string(r.replies) + "\r\n";
    }
    return CsvResponse(std::move(body), "workload");
  }
  bj::array items;
  for (const auto& r : report.rows) {
    items.push_back(bj::object{
        {"agent", bj::object{{"id", r.agent.value}, {"name", r.name}, {"email", r.email}}},
        {"assigned", r.assigned},
        {"open", r.open},
        {"first_responses", r.first_responses},
        {"median_first_response_hours", r.median_first_response_hours},
        {"replies", r.replies}});
  }
  bj::object out = Head(q.in, report.time_zone);
  out["items"] = std::move(items);
  return Json(200, std::move(out));
}

}  // namespace hd::http::handlers
